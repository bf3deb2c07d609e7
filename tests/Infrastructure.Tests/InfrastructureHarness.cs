using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;
using Faultline.Domain.Tenants;
using Faultline.Infrastructure.Persistence.Migrations;
using Faultline.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Infrastructure.Tests;

/// <summary>The Infrastructure adapters wired as in production, against a fresh test database.</summary>
internal sealed class InfrastructureHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="settings">More configuration, by key.</param>
    public InfrastructureHarness(TestDatabase database, string? redis = null, TenantPrincipal? principal = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Redis:Configuration"] = redis ?? TestStack.Redis,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddInfrastructure(configuration);
        services.AddSingleton<ICurrentPrincipal>(principal ?? new TenantPrincipal(null));
        _provider = services.BuildServiceProvider();
    }

    public SchemaMigrator Migrator => _provider.GetRequiredService<SchemaMigrator>();

    public IEnumerable<T> GetAll<T>() => _provider.GetServices<T>();

    /// <summary>A service of the root provider (the principal is fixed, so scoped adapters work there too).</summary>
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Provisions through the catalog adapter in its own scope, as one request would.</summary>
    public async Task<Tenant> ProvisionAsync(string key)
    {
        var tenant = new Tenant(Guid.CreateVersion7(), TenantKey.Parse(key), key.ToUpperInvariant(), DateTimeOffset.UtcNow);
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ITenantCatalog>().CreateAsync(tenant, CancellationToken.None);
        return tenant;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

internal sealed class TenantPrincipal(Guid? tenantId) : ICurrentPrincipal
{
    public bool IsAuthenticated => TenantId is not null;

    public Guid? TenantId { get; } = tenantId;

    public Guid? UserId => null;

    public string? Actor => null;

    public string? ClientAddress => null;

    public bool Has(Permission permission) => false;
}
