using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Faultline.WebApi.Hosting;

/// <summary>Serves the built SPA (Spa:RootPath) with index.html as the fallback for client-side routes.</summary>
public static class SpaHosting
{
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
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
    }
}
