using Microsoft.AspNetCore.Antiforgery;

namespace Faultline.WebApi.Security;

/// <summary>
/// Every state-changing request that rides on the session cookie must carry the antiforgery token
/// in the X-CSRF-TOKEN header (the SPA's API module sends it). API-key and operator requests carry no
/// cookie, so nothing can be forged on their behalf.
/// </summary>
public static class Antiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static void Configure(AntiforgeryOptions options)
    {
        options.HeaderName = HeaderName;
        options.Cookie.Name = "faultline.csrf";
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    public static IApplicationBuilder UseSessionAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionCookie.SchemeName })
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                var problem = Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing antiforgery token",
                    detail: $"Requests made with a session must send the token from GET /api/v1/auth/antiforgery in the {HeaderName} header.",
                    type: "https://faultline.dev/problems/antiforgery");
                await problem.ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });
}
