namespace Faultline.Domain.Authorization;

/// <summary>
/// A named right a principal may hold. The code is what travels in claims and what requests
/// declare; the role matrix and API-key scopes grant them.
/// </summary>
public sealed record Permission(PermissionName Name, string Code)
{
    public static readonly Permission MembersManage = new(PermissionName.MembersManage, "members:manage");
    public static readonly Permission ApiKeysManage = new(PermissionName.ApiKeysManage, "apikeys:manage");
    public static readonly Permission DataIngest = new(PermissionName.DataIngest, "data:ingest");
    public static readonly Permission DataRead = new(PermissionName.DataRead, "data:read");
    public static readonly Permission DataPredict = new(PermissionName.DataPredict, "data:predict");
    public static readonly Permission DashboardsEdit = new(PermissionName.DashboardsEdit, "dashboards:edit");
    public static readonly Permission AlertsManage = new(PermissionName.AlertsManage, "alerts:manage");
    public static readonly Permission BillingManage = new(PermissionName.BillingManage, "billing:manage");
    public static readonly Permission SsoManage = new(PermissionName.SsoManage, "sso:manage");
    public static readonly Permission AuditRead = new(PermissionName.AuditRead, "audit:read");

    /// <summary>Choose which classification model (and challenger) serves the tenant.</summary>
    public static readonly Permission ModelsManage = new(PermissionName.ModelsManage, "models:manage");

    /// <summary>Change the tenant's settings: its name, time zone and runner price.</summary>
    public static readonly Permission SettingsManage = new(PermissionName.SettingsManage, "settings:manage");

    /// <summary>Make someone an owner, or change or remove an owner.</summary>
    public static readonly Permission OwnersManage = new(PermissionName.OwnersManage, "owners:manage");

    /// <summary>Create, change, delete and send scheduled reports (members may only subscribe themselves).</summary>
    public static readonly Permission ReportsManage = new(PermissionName.ReportsManage, "reports:manage");

    /// <summary>Run the platform: provision and list tenants. Held by the operator only, never by a role.</summary>
    public static readonly Permission PlatformTenantsManage = new(PermissionName.PlatformTenantsManage, "platform:tenants");

    public static IReadOnlyList<Permission> Tenant { get; } =
    [
        MembersManage, ApiKeysManage, DataIngest, DataRead, DataPredict, DashboardsEdit, AlertsManage,
        BillingManage, SsoManage, AuditRead, ModelsManage, SettingsManage, OwnersManage, ReportsManage,
    ];

    public static IReadOnlyList<Permission> All { get; } = [.. Tenant, PlatformTenantsManage];

    private static readonly Dictionary<PermissionName, Permission> ByName = All.ToDictionary(p => p.Name);

    public static Permission Of(PermissionName name) => ByName[name];

    public override string ToString() => Code;
}
