namespace Faultline.Domain.Authorization;

/// <summary>
/// A named right a principal may hold. The code is what travels in claims and what requests
/// declare; the role matrix and API-key scopes grant them.
/// </summary>
public sealed record Permission(string Code)
{
    public static readonly Permission MembersManage = new("members:manage");
    public static readonly Permission ApiKeysManage = new("apikeys:manage");
    public static readonly Permission DataIngest = new("data:ingest");
    public static readonly Permission DataRead = new("data:read");
    public static readonly Permission DataPredict = new("data:predict");
    public static readonly Permission DashboardsEdit = new("dashboards:edit");
    public static readonly Permission AlertsManage = new("alerts:manage");
    public static readonly Permission BillingManage = new("billing:manage");
    public static readonly Permission SsoManage = new("sso:manage");
    public static readonly Permission AuditRead = new("audit:read");

    /// <summary>Choose which classification model (and challenger) serves the tenant.</summary>
    public static readonly Permission ModelsManage = new("models:manage");

    /// <summary>Make someone an owner, or change or remove an owner.</summary>
    public static readonly Permission OwnersManage = new("owners:manage");

    /// <summary>Run the platform: provision and list tenants. Held by the operator only, never by a role.</summary>
    public static readonly Permission PlatformTenantsManage = new("platform:tenants");

    public static IReadOnlyList<Permission> Tenant { get; } =
    [
        MembersManage, ApiKeysManage, DataIngest, DataRead, DataPredict, DashboardsEdit, AlertsManage,
        BillingManage, SsoManage, AuditRead, ModelsManage, OwnersManage,
    ];

    public static IReadOnlyList<Permission> All { get; } = [.. Tenant, PlatformTenantsManage];

    public override string ToString() => Code;
}
