namespace Faultline.WebApi.Hosting;

/// <summary>
/// Headers that make browsers refuse what the product never does: framing, MIME sniffing, referrers,
/// scripts from anywhere but this origin (CSP) and plain HTTP once HTTPS was seen (HSTS).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The SPA and the Swagger UI at /api/docs load scripts, styles and the OpenAPI document from this origin only and
    /// run no inline script. Styles may be inline: ECharts tooltips and Swagger UI write style attributes into markup.
    /// Both draw icons from data: URIs.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddSecurityHeaders(this WebApplicationBuilder builder) =>
        builder.Services.AddHsts(options => options.MaxAge = builder.Configuration.GetValue<TimeSpan?>("Faultline:HstsMaxAge") ?? TimeSpan.FromDays(365));

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Set when the response starts, so error responses written after a clear keep them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        // Only on HTTPS requests (the forwarded scheme behind a proxy), and never for localhost.
        app.UseHsts();
    }
}
