using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Security;

/// <summary>
/// Who background work (no HTTP request) acts as: one tenant, a named system actor and only the
/// permissions that work needs, so it passes the same authorization as a request would.
/// </summary>
public sealed class BackgroundPrincipal(Guid tenantId, string actor, IReadOnlySet<Permission> permissions) : ICurrentPrincipal
{
    public bool IsAuthenticated => true;

    public Guid? UserId => null;

    public Guid? TenantId => tenantId;

    public string? Actor => actor;

    public string? ClientAddress => null;

    public bool Has(Permission permission) => permissions.Contains(permission);
}

/// <summary>Scoped: background work sets <see cref="Principal"/> before it resolves anything that reads the principal.</summary>
public sealed class PrincipalOverride
{
    public ICurrentPrincipal? Principal { get; set; }
}
