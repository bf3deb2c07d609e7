using Faultline.Domain.Authorization;

namespace Faultline.Domain.Accounts;

/// <summary>An invitation for an e-mail address to join a tenant with a role.</summary>
public sealed class Invitation : SingleUseToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public EmailAddress Email { get; private set; }
    public Role Role { get; private set; }

    /// <summary>Who invited: the actor label of the user or key.</summary>
    public string InvitedBy { get; private set; }

    public Invitation(Guid id, Guid tenantId, EmailAddress email, Role role, string tokenHash, string invitedBy, DateTimeOffset createdAt)
        : base(tokenHash, createdAt, Lifetime)
    {
        if (role == Role.Owner) throw new DomainRuleException("Invite as admin, then promote to owner once they have joined.");
        Id = id;
        TenantId = tenantId;
        Email = email;
        Role = role;
        InvitedBy = invitedBy;
    }
}
