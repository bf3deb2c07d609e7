using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Faultline.WebApi.Hosting;

/// <summary>
/// Behind a reverse proxy the connection's address is the proxy's and TLS ends there: X-Forwarded-For and
/// X-Forwarded-Proto give back the client's address (per-address rate limits, the audit log) and the
/// scheme (Secure cookies, HSTS). Only the proxies configured in Faultline:ForwardedHeaders are believed;
/// with none configured the headers are ignored, so a client talking to Kestrel directly cannot pose as another.
/// </summary>
public static class TrustedProxies
{
    private const string Section = "Faultline:ForwardedHeaders";

    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? [])
            .Select(value => IPAddress.TryParse(value, out var address) ? address : throw Invalid(value)).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            .Select(value => System.Net.IPNetwork.TryParse(value, out var network) ? network : throw Invalid(value)).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // Proxies in a chain each add an address: this many from the right are believed.
            options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
        });
    }

    public static void UseTrustedProxies(this WebApplication app)
    {
        var section = app.Configuration.GetSection(Section);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
            app.UseForwardedHeaders();
    }

    private static InvalidOperationException Invalid(string value) =>
        new($"{Section}: '{value}' is not an IP address (KnownProxies) or network in CIDR notation (KnownNetworks).");
}
