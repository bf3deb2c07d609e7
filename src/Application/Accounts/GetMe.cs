using Faultline.Domain;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Application.Settings;
using Faultline.Domain.Authorization;
using MediatR;

namespace Faultline.Application.Accounts;

/// <summary>Who the caller is, where, and what they may do there.</summary>
[RequiresSignIn]
public sealed record GetMe : IRequest<MeDto>;

public sealed record MeDto(
    Guid? UserId, string Actor, CurrentTenantDto? Tenant, [property: EnumCodes<Role>] string? Role, IReadOnlyList<string> Permissions,
    IReadOnlyList<TenantMembershipDto> Tenants);

/// <param name="TimeZone">The zone the tenant's days are cut in; screens show times in it.</param>
public sealed record CurrentTenantDto(Guid Id, string Key, string Name, string TimeZone);

public sealed record TenantMembershipDto(
    Guid Id, string Key, string Name, [property: EnumCodes<Role>] string Role);

public sealed class GetMeHandler(
    ICurrentPrincipal principal, IMembershipRepository memberships, ITenantCatalog tenants, ITenantSettingsStore settings)
    : IRequestHandler<GetMe, MeDto>
{
    public async Task<MeDto> Handle(GetMe request, CancellationToken cancellationToken)
    {
        if (!principal.IsAuthenticated || principal.Actor is null) throw new UnauthenticatedException();

        var mine = principal.UserId is { } userId ? await memberships.ListForUserAsync(userId, cancellationToken) : [];
        var tenant = principal.TenantId is { } tenantId ? await tenants.FindAsync(tenantId, cancellationToken) : null;
        var role = mine.FirstOrDefault(m => m.TenantId == principal.TenantId)?.Role;
        return new MeDto(
            principal.UserId,
            principal.Actor,
            tenant is null ? null : new CurrentTenantDto(tenant.Id, tenant.Key.Value, tenant.Name, (await settings.GetAsync(cancellationToken)).TimeZone),
            role is null ? null : EnumCode.Of(role.Value),
            Permission.Tenant.Where(principal.Has).Select(p => p.Code).ToList(),
            mine.Select(m => new TenantMembershipDto(m.TenantId, m.TenantKey, m.TenantName, EnumCode.Of(m.Role))).ToList());
    }
}
