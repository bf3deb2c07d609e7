using System.Diagnostics.Metrics;
using Faultline.Application.Common.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Faultline.WebApi.Hosting;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at /health/metrics: HTTP request rates and latencies
/// (ASP.NET Core), database commands (Npgsql) and the product's own <see cref="FaultlineMetrics"/>. Console logs
/// are JSON with each request's id and tenant (Logging:Console:FormatterName; `make run` switches to plain text).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/health/metrics";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddView(OnlyThisHost(services.GetRequiredService<IMeterFactory>())));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("faultline"))
            .WithMetrics(metrics => metrics
                .AddMeter(FaultlineMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                // Every scrape measures afresh: the exporter's default 300 ms cache would serve a scrape an earlier one's figures.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    /// <summary>
    /// Meters made by another host's factory are left out (several hosts in one process, as in the tests, would otherwise
    /// report each other's figures); meters of no factory (Npgsql's) are process-wide and kept.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory own) => instrument =>
        instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop;

    /// <summary>Open to anyone, like the health checks: it carries no tenant's data, only process-wide figures.</summary>
    public static void MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous()
            .WithTags("Health").WithSummary("Request, ingest, classification queue, query cache and alert delivery metrics (Prometheus).");

    /// <summary>Puts the tenant into the logging scope of the request (ASP.NET Core's own scope holds the request id).</summary>
    public static void UseTenantLogScope(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirst(Security.PrincipalClaims.TenantId)?.Value is not { } tenantId)
            {
                await next(context);
                return;
            }

            using (app.Logger.BeginScope(new Dictionary<string, object> { [ErrorMonitoring.TenantTag] = tenantId })) await next(context);
        });
}
