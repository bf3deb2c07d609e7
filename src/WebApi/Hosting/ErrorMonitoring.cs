using System.Reflection;
using Faultline.WebApi.Security;
using Sentry;
using Sentry.Extensibility;

namespace Faultline.WebApi.Hosting;

/// <summary>
/// Reports unhandled exceptions and failed background work to Sentry when Sentry:Dsn is configured (off otherwise),
/// tagged with the tenant, the request id (the traceId of the problem the caller got) and the release. Error
/// logs become events; nothing else leaves: no request body, cookies, headers or query string, no user, no
/// breadcrumbs (they would repeat log lines), no outgoing HTTP calls (webhook URLs carry secrets).
/// </summary>
public static class ErrorMonitoring
{
    public const string TenantTag = "TenantId";
    public const string RequestTag = "RequestId";

    private static readonly string DefaultRelease = "faultline@" +
        (typeof(ErrorMonitoring).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    public static void AddErrorMonitoring(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["Sentry:Dsn"])) return;
        // Binds the rest of the Sentry section (Environment, Release, SampleRate...) first; these settings hold whatever it says.
        builder.WebHost.UseSentry(options =>
        {
            options.Release ??= DefaultRelease;
            options.SendDefaultPii = false;
            options.MaxRequestBodySize = RequestSize.None;
            options.MinimumEventLevel = LogLevel.Error;
            options.DisableSentryHttpMessageHandler = true;
            options.SetBeforeBreadcrumb((_, _) => null);
            options.SetBeforeSend((sentryEvent, _) => Scrubbed(sentryEvent));
        });
    }

    /// <summary>Tags the request's error reports with its id and tenant (no-op while Sentry is off).</summary>
    public static void UseErrorMonitoringTags(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var tenantId = context.User.FindFirst(PrincipalClaims.TenantId)?.Value;
            SentrySdk.ConfigureScope(scope =>
            {
                scope.SetTag(RequestTag, context.TraceIdentifier);
                if (tenantId is not null) scope.SetTag(TenantTag, tenantId);
            });
            return next(context);
        });

    private static SentryEvent Scrubbed(SentryEvent sentryEvent)
    {
        var request = sentryEvent.Request;
        request.Data = null;
        request.Cookies = null;
        request.QueryString = null;
        request.Headers.Clear();
        request.Env.Clear();
        sentryEvent.User = new SentryUser();
        return sentryEvent;
    }
}
