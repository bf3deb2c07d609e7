using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Faultline.WebApi.Hosting;

/// <summary>Serves the built SPA (Spa:RootPath) with index.html as the fallback for client-side routes.</summary>
public static class SpaHosting
{
    private const string NotApiConstraint = "notapi";

    public static IServiceCollection AddBuiltSpa(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<NotApiRouteConstraint>(NotApiConstraint));

    public static void UseBuiltSpa(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Spa:RootPath"] ?? "wwwroot", app.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("No built SPA at {Root}: run `make spa`. Only the API is served.", root);
            return;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite fingerprints everything under /assets, so those never change; index.html always may.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache",
        });
        // Never under /api: there routing's own 404, 405 and 415 answers must stand.
        app.MapFallbackToFile($"{{*path:nonfile:{NotApiConstraint}}}", "index.html", new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        }).AllowAnonymous();
    }
}

/// <summary>Matches any path but /api and what lies below it.</summary>
public sealed class NotApiRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string path
            ? !(path.Equals("api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
            : true;
}
