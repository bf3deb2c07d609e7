namespace Faultline.Domain.Authorization;

/// <summary>A member's role in a tenant, most powerful first.</summary>
public enum Role
{
    Owner,
    Admin,
    Member,
    Viewer,
}
