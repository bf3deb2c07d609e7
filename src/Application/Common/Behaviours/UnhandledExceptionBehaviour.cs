using Faultline.Application.Common.Exceptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Faultline.Application.Common.Behaviours;

/// <summary>
/// Logs exceptions that are not one of the expected outcomes (validation, not found, conflict,
/// authentication, authorisation), with the request type, then lets them propagate.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception exception) when (!IsExpectedOutcome(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Unhandled exception in request {Request}", typeof(TRequest).Name);
            throw;
        }
    }

    private static bool IsExpectedOutcome(Exception exception) => exception is RequestValidationException or NotFoundException
        or ConflictException or UnauthenticatedException or ForbiddenAccessException or InvalidCredentialsException
        or TooManyRequestsException or PayloadTooLargeException or ServiceUnavailableException or QueryTimeoutException
        or Domain.DomainRuleException;
}
