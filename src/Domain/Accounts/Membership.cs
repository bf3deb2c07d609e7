using Faultline.Domain.Authorization;

namespace Faultline.Domain.Accounts;

/// <summary>A user's role in one tenant.</summary>
public sealed class Membership
{
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    public Membership(Guid tenantId, Guid userId, Role role, DateTimeOffset joinedAt)
    {
        TenantId = tenantId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    /// <summary>Changes the role; refuses to demote the tenant's last owner.</summary>
    public void ChangeRole(Role role, int ownerCount)
    {
        if (Role == Role.Owner && role != Role.Owner) EnsureNotLastOwner(ownerCount);
        Role = role;
    }

    /// <summary>Throws when removing this membership would leave the tenant without an owner.</summary>
    public void EnsureRemovable(int ownerCount)
    {
        if (Role == Role.Owner) EnsureNotLastOwner(ownerCount);
    }

    private static void EnsureNotLastOwner(int ownerCount)
    {
        if (ownerCount <= 1) throw new DomainRuleException("A tenant keeps at least one owner: make someone else owner first.");
    }
}
