using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Security;

/// <summary>
/// A copy of a principal taken now, for work that may outlive the request it came from: a request's
/// principal reads its HTTP context, which is gone once that request has ended.
/// </summary>
public sealed class PrincipalSnapshot(ICurrentPrincipal principal) : ICurrentPrincipal
{
    private readonly HashSet<Permission> _permissions = Permission.All.Where(principal.Has).ToHashSet();

    public bool IsAuthenticated { get; } = principal.IsAuthenticated;

    public Guid? UserId { get; } = principal.UserId;

    public Guid? TenantId { get; } = principal.TenantId;

    public string? Actor { get; } = principal.Actor;

    public string? ClientAddress { get; } = principal.ClientAddress;

    public bool Has(Permission permission) => _permissions.Contains(permission);
}
