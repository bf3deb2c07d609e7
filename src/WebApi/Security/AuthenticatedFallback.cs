using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Faultline.WebApi.Security;

/// <summary>
/// Every endpoint needs an authenticated caller unless it says <c>AllowAnonymous</c> (sign-up, log-in,
/// health, the OpenAPI document, the SPA…): anonymous callers are refused with a 401 problem before
/// the endpoint reads a byte of the body. Which permission a request needs is still the Application
/// layer's decision.
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
            if (!result.Challenged)
            {
                await _default.HandleAsync(next, context, policy, result);
                return;
            }

            // No endpoint, nothing to protect: Swagger UI and static files serve themselves, unknown routes answer 404.
            if (context.GetEndpoint() is null)
            {
                await next(context);
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
