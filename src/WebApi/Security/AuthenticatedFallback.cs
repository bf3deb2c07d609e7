using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Faultline.WebApi.Security;

/// <summary>
/// Every endpoint needs an authenticated caller unless it says <c>AllowAnonymous</c> (sign-up, log-in,
/// health, the OpenAPI document, the SPA…): anonymous callers are refused with a 401 problem before
/// the endpoint reads a byte of the body. Which permission a request needs is still the Application
/// layer's decision. Paths that match no endpoint (Swagger UI, static files, unknown routes) pass to
/// the middleware that serves them or answers 404.
/// </summary>
public static class AuthenticatedFallback
{
    public static IServiceCollection AddAuthenticatedFallback(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemResultHandler>();
    }

    private sealed class ProblemResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
        {
            if (!result.Challenged || context.GetEndpoint() is null)
            {
                await (result.Challenged ? next(context) : _default.HandleAsync(next, context, policy, result));
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status401Unauthorized, Title = "Unauthenticated",
                    Detail = "Authentication is required for this request: sign in, or send an API key as a Bearer token.",
                },
            });
        }
    }
}
