using System.Diagnostics.Metrics;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;
using Faultline.Domain.Tenants;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Application.Tests;

/// <summary>The Application layer as the WebApi wires it, with in-memory ports.</summary>
internal sealed class ApplicationHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public ApplicationHarness(FakePrincipal? principal = null, IEnumerable<IReadinessProbe>? probes = null, Action<IServiceCollection>? ports = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IMeterFactory, HarnessMeters>();
        services.AddApplication();
        services.AddSingleton<ICurrentPrincipal>(principal ?? FakePrincipal.Anonymous);
        services.AddSingleton<ITenantCatalog>(Catalog);
        foreach (var probe in probes ?? []) services.AddSingleton(probe);
        ports?.Invoke(services);
        Registrations = services;
        // Not validated on build: use cases whose ports this harness does not fake are not sent here.
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IServiceCollection Registrations { get; }

    public InMemoryTenantCatalog Catalog { get; } = new();

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public void Dispose() => _provider.Dispose();
}

/// <summary>The meters of one harness (a host's factory comes with its logging and DI setup, which this harness leaves out).</summary>
internal sealed class HarnessMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(meter => meter.Dispose());
}

internal sealed class FakePrincipal(bool authenticated, params Permission[] permissions) : ICurrentPrincipal
{
    public static FakePrincipal Anonymous => new(false);

    public static FakePrincipal Operator => new(true, Permission.PlatformTenantsManage);

    public bool IsAuthenticated { get; } = authenticated;

    public Guid? UserId => null;

    public Guid? TenantId => null;

    public string? Actor => IsAuthenticated ? "operator" : null;

    public string? ClientAddress => "127.0.0.1";

    public bool Has(Permission permission) => permissions.Contains(permission);
}

internal sealed class InMemoryTenantCatalog : ITenantCatalog
{
    private readonly List<Tenant> _tenants = [];

    public IReadOnlyList<Tenant> Tenants => _tenants;

    public Task<Tenant?> FindAsync(TenantKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_tenants.SingleOrDefault(t => t.Key == key));

    public Task<Tenant?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_tenants.SingleOrDefault(t => t.Id == id));

    public Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Tenant>>(_tenants.ToList());

    public void Update(Tenant tenant) => _tenants[_tenants.FindIndex(t => t.Id == tenant.Id)] = tenant;

    public Task CreateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        _tenants.Add(tenant);
        return Task.CompletedTask;
    }
}
