using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Faultline.WebApi.Errors;

/// <summary>
/// Turns every exception into an RFC 9457 problem: the expected outcomes of the Application layer
/// and malformed HTTP requests get their status and a clear detail; anything else is a 500 that
/// reveals no internals.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest, Title = invalid.Message,
            },
            UnauthenticatedException or InvalidCredentialsException => Problem(StatusCodes.Status401Unauthorized, "Unauthenticated", exception.Message),
            ForbiddenAccessException => Problem(StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
            NotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", exception.Message),
            ConflictException or DomainRuleException => Problem(StatusCodes.Status409Conflict, "Conflict", exception.Message),
            PayloadTooLargeException => Problem(StatusCodes.Status413PayloadTooLarge, "Content too large", exception.Message),
            TooManyRequestsException => Problem(StatusCodes.Status429TooManyRequests, "Too many requests", exception.Message),
            ServiceUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", exception.Message),
            QueryTimeoutException => Problem(StatusCodes.Status504GatewayTimeout, "Query timed out", exception.Message),
            BadHttpRequestException bad => Problem(bad.StatusCode, ReasonPhrase(bad.StatusCode), DescribeBadRequest(bad)),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal server error",
                "An unexpected error occurred. Quote the traceId when reporting it.");
        }

        if (problem.Status == StatusCodes.Status401Unauthorized) httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        var retryAfter = exception switch
        {
            TooManyRequestsException limited => limited.RetryAfter,
            ServiceUnavailableException busy => busy.RetryAfter,
            _ => (TimeSpan?)null,
        };
        if (retryAfter is { } wait)
            httpContext.Response.Headers.RetryAfter =
                Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Bad request";

    private static string DescribeBadRequest(BadHttpRequestException exception) => exception switch
    {
        { InnerException: JsonException json } => $"The request body is not valid JSON: {json.Message}",
        _ => exception.Message,
    };
}
