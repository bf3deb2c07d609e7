using Faultline.Application;
using Faultline.Application.Accounts;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Tenants;
using Faultline.Domain.Accounts;
using Faultline.Domain.Authorization;
using Faultline.Domain.Tenants;
using Faultline.Infrastructure;
using Faultline.Infrastructure.Persistence.Migrations;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Bench;

/// <summary>The Application and Infrastructure layers as the WebApi wires them, acting as one tenant's program.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchHost(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(new AbuseLimits());
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddSingleton<ICurrentPrincipal>(Principal);
        _services = services.BuildServiceProvider();
    }

    public BenchPrincipal Principal { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Migrates, provisions the tenant (and its owner) if needed, and acts in it from then on.</summary>
    public async Task<TenantDto> UseTenantAsync(string key, CancellationToken cancellationToken)
    {
        await Get<SchemaMigrator>().MigrateAllAsync(cancellationToken);
        var tenant = await SendAsync(new EnsureDemoTenant(TenantKey.Parse(key), key == "demo" ? "Demo Org" : key,
            EmailAddress.Parse(OwnerEmail(key)), "faultline-demo-password"), cancellationToken);
        Principal.TenantId = tenant.Id;
        return tenant;
    }

    public static string OwnerEmail(string tenantKey) => tenantKey == "demo" ? "demo@faultline.local" : $"{tenantKey}@faultline.local";

    public async Task<T> SendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>A program holding every tenant permission, like an admin-scoped API key.</summary>
internal sealed class BenchPrincipal : ICurrentPrincipal
{
    public Guid? TenantId { get; set; }
    public bool IsAuthenticated => TenantId is not null;
    public Guid? UserId => null;
    public string? Actor => "bench";
    public string? ClientAddress => "127.0.0.1";
    public bool Has(Permission permission) => IsAuthenticated && Permission.Tenant.Contains(permission);
}
