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

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres") ?? DefaultPostgres;
        var redis = configuration["Redis:Configuration"] ?? DefaultRedis;

        services.AddSingleton(_ => NpgsqlDataSource.Create(WithoutJit(postgres)));
        services.AddDbContext<CatalogDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<SchemaMigrator>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<ITenantCatalog, TenantCatalog>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IMembershipRepository, MembershipRepository>();
        services.AddScoped<IInvitationRepository, InvitationRepository>();
        services.AddScoped<IPasswordResetRepository, PasswordResetRepository>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<Application.Ingestion.IIngestStore, Ingestion.PostgresIngestStore>();
        services.AddScoped<Application.Runs.IRunReader, Ingestion.PostgresRunReader>();
        services.AddScoped<Application.Runs.IJobLogStore, Ingestion.PostgresJobLogStore>();
        services.AddScoped<Application.Webhooks.IWebhookRepository, Ingestion.WebhookRepository>();
        services.AddSingleton<Application.Webhooks.IWebhookUrls, Ingestion.ConfiguredWebhookUrls>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<ISecretGenerator, RandomSecretGenerator>();
        services.AddDataProtection().SetApplicationName("Faultline");
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
        services.AddScoped<Application.Analytics.IMetricStore, Analytics.PostgresMetricStore>();
        services.AddScoped<Application.Dashboards.IDashboardRepository, Analytics.PostgresDashboardRepository>();

        var classification = configuration.GetSection("Faultline:Classification").Get<Inference.ClassificationOptions>() ?? new();
        services.AddSingleton<Application.Classification.IFailureClassifier>(provider => new Inference.OnnxFailureClassifier(
            classification.RelativeTo(provider.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Inference.OnnxFailureClassifier>>()));
        services.AddScoped<Application.Classification.IClassificationStore, Classification.PostgresClassificationStore>();
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

        services.AddSingleton<IReadinessProbe, PostgresReadinessProbe>();
        services.AddSingleton<IReadinessProbe, RedisReadinessProbe>();
        return services;
    }
}
