using System.Reflection;
using Faultline.Application.Common.Behaviours;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Faultline.Application;

public static class DependencyInjection
{
    private static readonly Type[] ScannedOpenInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
        typeof(IValidator<>),
    ];

    /// <summary>
    /// Registers MediatR (5.1.0 has no DI package that restores here), every handler and validator
    /// of this assembly, and the pipeline behaviours. Behaviours run in registration order,
    /// outermost first.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => serviceType => provider.GetService(serviceType)!);
        services.AddScoped<IMediator, Mediator>();

        foreach (var (service, implementation) in ClosedImplementations(typeof(DependencyInjection).Assembly))
            services.AddTransient(service, implementation);

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestLoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(DatabaseTimeoutBehaviour<,>));
        // Authorization before validation: an anonymous or unauthorised caller learns nothing
        // about the shape a request must have.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(QueryCachingBehaviour<,>));

        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton(new Accounts.AbuseLimits());
        services.AddScoped<Common.Audit.AuditTrail>();
        services.AddScoped<Members.MemberChangeGuard>();
        services.AddScoped<Invitations.InvitationTokens>();
        services.AddScoped<Ingestion.EventIngestor>();
        services.AddScoped<Webhooks.WebhookDeliveryIngestor>();
        services.AddScoped<Ingestion.JobLogWriter>();
        services.AddScoped<LogFetching.LogFetchScheduler>();
        services.AddScoped<Webhooks.ProviderApiAccessEditor>();
        services.AddSingleton<Classification.FailureAnalyzer>();
        services.AddScoped<Classification.PredictionInputs>();
        services.AddScoped<Alerts.AlertMetricReader>();
        services.AddScoped<Alerts.AlertNotifications>();
        services.AddScoped<Alerts.TestDeliveries>();
        services.AddScoped<Reports.ReportHeadlines>();
        services.AddScoped<Reports.ReportChanges>();
        services.AddScoped<Reports.ReportRunner>();
        services.AddScoped<Reports.ReportMessageDelivery>();
        services.AddScoped<Reports.ReportScheduleReferences>();
        services.AddSingleton<Common.Metrics.FaultlineMetrics>();
        services.AddScoped<Common.Caching.QueryCacheOutcome>();
        services.TryAddScoped<Common.Security.PrincipalOverride>();
        return services;
    }

    internal static IEnumerable<(Type Service, Type Implementation)> ClosedImplementations(Assembly assembly) =>
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && ScannedOpenInterfaces.Contains(service.GetGenericTypeDefinition())
        select (service, type);
}
