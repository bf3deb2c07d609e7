using System.Text.Json.Serialization;
using Faultline.Application;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Infrastructure;
using Faultline.WebApi.Endpoints;
using Faultline.WebApi.Errors;
using Faultline.WebApi.Hosting;
using Faultline.WebApi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace Faultline.WebApi;

/// <summary>The composition root: wires the layers together and maps HTTP onto them.</summary>
public static class FaultlineApp
{
    private const string SelectingScheme = "Faultline";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddSingleton(builder.Configuration.GetSection("Faultline:Limits").Get<Application.Accounts.AbuseLimits>() ?? new());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Faultline:Sessions").Get<Application.Accounts.SessionPolicy>() ?? new());
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<HttpCurrentPrincipal>();
        builder.Services.AddScoped<PrincipalOverride>();
        builder.Services.AddScoped<ICurrentPrincipal>(services =>
            services.GetRequiredService<PrincipalOverride>().Principal ?? services.GetRequiredService<HttpCurrentPrincipal>());
        builder.Services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "Session, API key, webhook or operator token", options => options.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.BearerToken(context.Request) switch
                {
                    _ when WebhookAuthentication.Target(context.Request.Path) is not null => WebhookAuthentication.SchemeName,
                    null => SessionCookie.SchemeName,
                    var token when token.StartsWith(Application.ApiKeys.ApiKeyFormat.Prefix, StringComparison.Ordinal) => ApiKeyAuthentication.SchemeName,
                    _ => OperatorTokenAuthentication.SchemeName,
                })
            .AddCookie(SessionCookie.SchemeName, SessionCookie.Configure)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, WebhookAuthentication>(WebhookAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorTokenAuthentication>(OperatorTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthenticatedFallback();
        builder.Services.AddAntiforgery(Antiforgery.Configure);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "Nothing exists at this path.",
                StatusCodes.Status405MethodNotAllowed => "This path does not accept the HTTP method used.",
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
                StatusCodes.Status415UnsupportedMediaType => "This endpoint takes a body of another content type (application/json).",
                _ => null,
            };
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Malformed bodies throw instead of answering an empty 400, so they become problems too.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
            builder.Configuration.GetValue<long?>("Faultline:MaxRequestBodyBytes") ?? 1024 * 1024);

        builder.Services.AddApiContract();

        builder.AddTrustedProxies();
        builder.AddSecurityHeaders();
        builder.AddErrorMonitoring();
        builder.AddTelemetry();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddBuiltSpa();

        var app = builder.Build();
        // Models and the ONNX Runtime library are checked now: a bad deployment stops the start with its reason.
        app.Services.GetRequiredService<Application.Classification.IFailureClassifier>();

        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseErrorMonitoringTags();
        app.UseTenantLogScope();
        app.UseSessionAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint("/openapi/v1.json", "Faultline API v1");
            options.DocumentTitle = "Faultline API";
        });

        app.MapHealthEndpoints();
        app.MapMetrics();
        var api = app.MapGroup("/api/v1");
        api.MapOperatorTenantEndpoints();
        api.MapAuthEndpoints();
        api.MapMemberEndpoints();
        api.MapApiKeyEndpoints();
        api.MapAuditEndpoints();
        api.MapIngestionEndpoints();
        api.MapRunEndpoints();
        api.MapWebhookEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapClassificationEndpoints();
        api.MapAlertEndpoints();
        api.MapSettingsEndpoints();
        api.MapReportEndpoints();
        app.UseBuiltSpa();
        return app;
    }
}
