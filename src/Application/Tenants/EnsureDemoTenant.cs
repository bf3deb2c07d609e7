using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Accounts;
using Faultline.Domain.Authorization;
using Faultline.Domain.Tenants;
using MediatR;

namespace Faultline.Application.Tenants;

/// <summary>
/// Sent by the host at start-up when a demo tenant is configured (never from an endpoint):
/// provisions it and its owner once, and is a no-op after that.
/// </summary>
[InternalRequest]
public sealed record EnsureDemoTenant(TenantKey Key, string Name, EmailAddress OwnerEmail, string OwnerPassword) : IRequest<TenantDto>;

public sealed class EnsureDemoTenantHandler(
    ITenantCatalog catalog, IUserRepository users, IMembershipRepository memberships, IPasswordHasher hasher, IUnitOfWork unitOfWork,
    TimeProvider clock) : IRequestHandler<EnsureDemoTenant, TenantDto>
{
    public async Task<TenantDto> Handle(EnsureDemoTenant request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenant = await catalog.FindAsync(request.Key, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant(Guid.CreateVersion7(), request.Key, request.Name, now);
            await catalog.CreateAsync(tenant, cancellationToken);
        }

        var owner = await users.FindByEmailAsync(request.OwnerEmail, cancellationToken);
        if (owner is null)
        {
            owner = new User(Guid.CreateVersion7(), request.OwnerEmail, hasher.Hash(request.OwnerPassword), now);
            users.Add(owner);
        }

        if (await memberships.FindAsync(tenant.Id, owner.Id, cancellationToken) is null)
            memberships.Add(new Membership(tenant.Id, owner.Id, Role.Owner, now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TenantDto.From(tenant);
    }
}
