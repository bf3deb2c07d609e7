namespace Faultline.Domain.Authorization;

/// <summary>
/// A named right a principal may hold. The code is what travels in claims and API-key scopes.
/// </summary>
public sealed record Permission(string Code)
{
    /// <summary>Run the platform: provision and list tenants. Held by the operator only.</summary>
    public static readonly Permission PlatformTenantsManage = new("platform:tenants");

    public static IReadOnlyList<Permission> All { get; } = [PlatformTenantsManage];

    public override string ToString() => Code;
}
