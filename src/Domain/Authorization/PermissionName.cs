namespace Faultline.Domain.Authorization;

/// <summary>
/// The name of each <see cref="Permission"/>, as a constant that attributes can take (a record
/// cannot); <see cref="Permission.Of"/> maps it to the permission itself.
/// </summary>
public enum PermissionName
{
    MembersManage,
    ApiKeysManage,
    DataIngest,
    DataRead,
    DataPredict,
    DashboardsEdit,
    AlertsManage,
    BillingManage,
    SsoManage,
    AuditRead,
    ModelsManage,
    SettingsManage,
    OwnersManage,
    ReportsManage,
    PlatformTenantsManage,
}
