using System.Data.Common;
using Faultline.Application.Common.Exceptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Faultline.Application.Common.Behaviours;

/// <summary>
/// Turns the database's refusals to do more work into outcomes the edge answers as problems, not
/// 500s: a statement stopped by its statement timeout (SQLSTATE 57014; a caller's own cancellation
/// surfaces as <see cref="OperationCanceledException"/> instead) and a client-side timeout (a
/// command, or the wait for a pooled connection).
/// </summary>
public sealed class DatabaseTimeoutBehaviour<TRequest, TResponse>(ILogger<DatabaseTimeoutBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string QueryCanceled = "57014";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (DbException exception) when (exception.SqlState == QueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Request} ran past its statement timeout: {Message}", typeof(TRequest).Name, exception.Message);
            throw new QueryTimeoutException(
                "The query took longer than this service allows and was stopped. Narrow it (a shorter time range, more filters) or try again later.",
                exception);
        }
        catch (DbException exception) when (exception.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Request}: the database did not answer in time: {Message}", typeof(TRequest).Name, exception.Message);
            throw new ServiceUnavailableException("The database did not answer in time. Try again shortly.", RetryAfter);
        }
    }
}
