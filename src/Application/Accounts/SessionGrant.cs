namespace Faultline.Application.Accounts;

/// <summary>
/// What a successful sign-in yields: the WebApi turns it into a session cookie. The security stamp
/// lets a password change end every other session.
/// </summary>
public sealed record SessionGrant(Guid UserId, Guid? TenantId, Guid SecurityStamp);
