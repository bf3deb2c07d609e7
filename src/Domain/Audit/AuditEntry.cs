namespace Faultline.Domain.Audit;

/// <summary>One security-relevant event in a tenant: who did what to what, from where.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Action { get; private set; }

    /// <summary>The e-mail of the user, or "key:prefix" of the API key, that acted; null for anonymous events.</summary>
    public string? Actor { get; private set; }

    public string? Target { get; private set; }
    public string? ClientAddress { get; private set; }

    public AuditEntry(Guid id, Guid tenantId, DateTimeOffset at, string action, string? actor, string? target, string? clientAddress)
    {
        Id = id;
        TenantId = tenantId;
        At = at;
        Action = action;
        Actor = actor;
        Target = target;
        ClientAddress = clientAddress;
    }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string PasswordReset = "password.reset";
    public const string MemberInvited = "member.invited";
    public const string InvitationRevoked = "invitation.revoked";
    public const string MemberJoined = "member.joined";
    public const string MemberRoleChanged = "member.role_changed";
    public const string MemberRemoved = "member.removed";
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
}
