using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Tenants;
using MediatR;

namespace Faultline.Application.Tenants;

/// <summary>
/// Sent by the host at start-up when a demo tenant is configured (never from an endpoint):
/// provisions it once, and is a no-op after that.
/// </summary>
public sealed record EnsureDemoTenant(TenantKey Key, string Name) : IRequest<TenantDto>;

public sealed class EnsureDemoTenantHandler(ITenantCatalog catalog, TimeProvider clock)
    : IRequestHandler<EnsureDemoTenant, TenantDto>
{
    public async Task<TenantDto> Handle(EnsureDemoTenant request, CancellationToken cancellationToken)
    {
        var tenant = await catalog.FindAsync(request.Key, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant(Guid.CreateVersion7(), request.Key, request.Name, clock.GetUtcNow());
            await catalog.CreateAsync(tenant, cancellationToken);
        }

        return TenantDto.From(tenant);
    }
}
