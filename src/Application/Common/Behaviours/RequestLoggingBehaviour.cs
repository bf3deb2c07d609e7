using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Faultline.Application.Common.Behaviours;

/// <summary>Logs each request's name, outcome and duration (never its body: it may hold secrets).</summary>
public sealed class RequestLoggingBehaviour<TRequest, TResponse>(ILogger<RequestLoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var response = await next();
            succeeded = true;
            return response;
        }
        finally
        {
            logger.LogInformation("Request {Request} {Outcome} in {ElapsedMs:0.0} ms",
                typeof(TRequest).Name, succeeded ? "succeeded" : "failed",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
