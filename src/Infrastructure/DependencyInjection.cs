using Faultline.Application.Common.Interfaces;
using Faultline.Infrastructure.Caching;
using Faultline.Infrastructure.Persistence;
using Faultline.Infrastructure.Persistence.Migrations;
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

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres") ?? DefaultPostgres;
        var redis = configuration["Redis:Configuration"] ?? DefaultRedis;

        services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
        services.AddDbContext<CatalogDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<SchemaMigrator>();
        services.AddScoped<ITenantCatalog, TenantCatalog>();
        services.AddSingleton<TenantSchemaDirectory>();
        services.AddScoped<TenantConnectionFactory>();

        services.AddSingleton(_ => new RedisConnection(redis));

        services.AddSingleton<IReadinessProbe, PostgresReadinessProbe>();
        services.AddSingleton<IReadinessProbe, RedisReadinessProbe>();
        return services;
    }
}
