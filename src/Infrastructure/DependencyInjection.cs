using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Accounts;
using Faultline.Infrastructure.Caching;
using Faultline.Infrastructure.Identity;
using Faultline.Infrastructure.Notifications;
using Faultline.Infrastructure.Persistence;
using Faultline.Infrastructure.Persistence.Migrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Faultline.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Defaults match the local stack that scripts/stack.sh starts.</summary>
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Database=faultline;Username=faultline";
    public const string DefaultRedis = "127.0.0.1:56379";
    public const int DefaultSmtpPort = 51025;

    /// <summary>
    /// PostgreSQL's JIT compiles any plan whose estimated cost is high, which analytics queries over
    /// CTEs reach easily: it cost ~400 ms per cold dashboard query and saved nothing on these row counts.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Npgsql gives up on a command after its own timeout (30 s by default): raised past the longest
    /// statement timeout, so PostgreSQL stops a slow statement first and it is answered as a timeout.
    /// </summary>
    private static string WithCommandTimeoutBeyond(TimeSpan statementTimeout, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.CommandTimeout = Math.Max(builder.CommandTimeout, (int)Math.Ceiling(statementTimeout.TotalSeconds) + 5);
        return builder.ConnectionString;
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres") ?? DefaultPostgres;
        var redis = configuration["Redis:Configuration"] ?? DefaultRedis;

        // The meter factory FaultlineMetrics needs; a web host has one already, the bench's plain container not.
        services.AddMetrics();
        var databaseLimits = (configuration.GetSection("Faultline:Database").Get<TenantDatabaseLimits>() ?? new()).Validated();
        services.AddSingleton(databaseLimits);
        services.AddSingleton<TenantConnectionLimiter>();
        services.AddSingleton(_ => NpgsqlDataSource.Create(WithCommandTimeoutBeyond(databaseLimits.StatementTimeouts.Longest, WithoutJit(postgres))));
        services.AddDbContext<CatalogDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<SchemaMigrator>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<ITenantCatalog, TenantCatalog>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IMembershipRepository, MembershipRepository>();
        services.AddScoped<IInvitationRepository, InvitationRepository>();
        services.AddScoped<IPasswordResetRepository, PasswordResetRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<Application.Ingestion.IIngestStore, Ingestion.PostgresIngestStore>();
        services.AddScoped<Application.Runs.IRunReader, Ingestion.PostgresRunReader>();
        services.AddScoped<Application.Runs.IJobLogStore, Ingestion.PostgresJobLogStore>();
        services.AddScoped<Application.Webhooks.IWebhookRepository, Ingestion.WebhookRepository>();
        services.AddScoped<Application.Webhooks.IDeadLetterRepository, Ingestion.PostgresDeadLetterRepository>();
        services.AddSingleton<Application.Webhooks.IWebhookUrls, Ingestion.ConfiguredWebhookUrls>();
        services.AddScoped<Application.Webhooks.IWebhookTokenStore, Ingestion.WebhookTokenStore>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<ISecretGenerator, RandomSecretGenerator>();
        var dataProtection = services.AddDataProtection().SetApplicationName("Faultline");
        if (KeyRingCertificate.Load(configuration) is { } keyRingCertificate) dataProtection.ProtectKeysWithCertificate(keyRingCertificate);
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresXmlRepository(dataSource));
        services.AddSingleton<TenantSchemaDirectory>();
        services.AddScoped<TenantConnectionFactory>();

        services.AddSingleton(_ => new RedisConnection(redis, configuration["Redis:KeyPrefix"] ?? "faultline:"));
        services.AddSingleton<InProcessRateLimiter>();
        services.AddSingleton<IRateLimiter, RedisRateLimiter>();
        services.AddSingleton(configuration.GetSection("Faultline:QueryCache").Get<QueryCacheOptions>() ?? new QueryCacheOptions());
        services.AddSingleton<Application.Common.Caching.IQueryResultCache, RedisQueryResultCache>();
        services.AddScoped<Application.Common.Caching.ITenantDataVersion, Analytics.PostgresTenantDataVersion>();
        services.AddScoped<Application.Settings.ITenantSettingsStore, Settings.PostgresTenantSettingsStore>();
        services.AddScoped<Application.Analytics.IMetricStore, Analytics.PostgresMetricStore>();
        services.AddScoped<Application.Dashboards.IDashboardRepository, Analytics.PostgresDashboardRepository>();
        services.AddScoped<Application.Reports.IDashboardReportRenderer, Reports.DashboardReportRenderer>();

        var classification = configuration.GetSection("Faultline:Classification").Get<Inference.ClassificationOptions>() ?? new();
        services.AddSingleton<Application.Classification.IFailureClassifier>(provider => new Inference.OnnxFailureClassifier(
            classification.RelativeTo(provider.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Inference.OnnxFailureClassifier>>()));
        services.AddScoped<Application.Classification.IClassificationStore, Classification.PostgresClassificationStore>();
        services.AddScoped<Application.Classification.ITenantModelStore, Classification.PostgresTenantModelStore>();
        services.AddSingleton<Application.Classification.ILinearModelSerializer, Inference.OnnxLinearModels>();
        services.AddSingleton<Classification.ClassificationQueueGauge>();
        services.AddHostedService<Classification.ClassificationWorker>();

        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton(new SmtpSettings(
            configuration["Smtp:Host"] ?? "127.0.0.1",
            configuration.GetValue<int?>("Smtp:Port") ?? DefaultSmtpPort,
            configuration["Smtp:From"] ?? "Faultline <no-reply@faultline.local>",
            configuration.GetValue<bool?>("Smtp:EnableSsl") ?? false,
            configuration["Smtp:Username"],
            configuration["Smtp:Password"]));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHostedService<EmailOutboxDispatcher>();
        services.AddSingleton<IPublicLinks>(new ConfiguredPublicLinks(configuration["Faultline:PublicBaseUrl"] ?? "http://127.0.0.1:5080"));

        AddAlerts(services, configuration, postgres);
        services.AddSingleton(configuration.GetSection("Faultline:Reports").Get<Application.Reports.ReportOptions>() ?? new());
        services.AddScoped<Application.Reports.IReportStore, Reports.PostgresReportStore>();
        services.AddScoped<Application.Reports.IReportRunScopes, Reports.ScopedReportRuns>();
        services.AddSingleton<Application.Reports.IReportLinks, Reports.DataProtectionReportLinks>();
        AddLogFetching(services, configuration);

        services.AddSingleton<IReadinessProbe, PostgresReadinessProbe>();
        services.AddSingleton<IReadinessProbe, RedisReadinessProbe>();
        return services;
    }

    /// <summary>Downloads of failed jobs' logs from GitHub and GitLab; connections go through the alerts' target guard.</summary>
    private static void AddLogFetching(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Faultline:LogFetch");
        services.AddSingleton(section.Get<LogFetching.LogFetchOptions>() ?? new());
        services.AddSingleton(section.Get<Application.LogFetching.LogFetchPolicy>() ?? new());
        services.AddScoped<Application.LogFetching.ILogFetchQueue, LogFetching.PostgresLogFetchQueue>();
        services.AddSingleton<Application.LogFetching.IJobLogDownloader, LogFetching.ProviderLogDownloader>();
        services.AddHostedService<LogFetching.LogFetchDispatcher>();
    }

    private static void AddAlerts(IServiceCollection services, IConfiguration configuration, string postgres)
    {
        var alerts = configuration.GetSection("Faultline:Alerts");
        services.AddSingleton<Scheduling.BackgroundWork>();
        services.AddScoped<Application.Alerts.IAlertStore, Alerts.PostgresAlertStore>();
        services.AddScoped<Application.Alerts.IAlertEvaluationStore, Alerts.PostgresAlertEvaluationStore>();
        services.AddScoped<Application.Alerts.IAlertOutbox, Alerts.PostgresAlertOutbox>();
        services.AddSingleton(alerts.GetSection("Delivery").Get<Application.Alerts.AlertDeliveryPolicy>() ?? new());
        var guard = new DeliveryTargetGuard(alerts.GetSection("TrustedTargets").Get<string[]>() ?? []);
        services.AddSingleton(guard);
        services.AddSingleton<Application.Alerts.IDeliveryTargetGuard>(guard);
        services.AddSingleton<Application.Alerts.IAlertChannelSender, AlertChannelSender>();
        services.AddHostedService<Alerts.AlertOutboxDispatcher>();

        var scheduling = alerts.GetSection("Scheduler").Get<Scheduling.AlertSchedulingOptions>() ?? new();
        services.AddSingleton(scheduling);
        services.AddSingleton<Alerts.AlertEvaluationTrigger>();
        services.AddSingleton<Application.Alerts.IAlertTrigger>(provider => provider.GetRequiredService<Alerts.AlertEvaluationTrigger>());
        services.AddHostedService(provider => provider.GetRequiredService<Alerts.AlertEvaluationTrigger>());
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = scheduling.SchedulerName;
                // Unique per process: the cluster tells its members apart by it.
                scheduler.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
            });
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = "catalog.qrtz_";
                    options.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                });
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                });
                store.UsePostgres(database =>
                {
                    database.ConnectionString = WithoutJit(postgres);
                });
                store.UseSerializer<Quartz.Impl.SystemTextJsonObjectSerializer>();
            });
        });
        services.AddHostedService<Scheduling.AlertScheduler>();
    }
}
