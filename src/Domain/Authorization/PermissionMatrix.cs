namespace Faultline.Domain.Authorization;

/// <summary>The one definition of what each role may do in its tenant.</summary>
public static class PermissionMatrix
{
    private static readonly Permission[] ViewerPermissions = [Permission.DataRead];

    private static readonly Permission[] MemberPermissions =
        [.. ViewerPermissions, Permission.DataIngest, Permission.DataPredict, Permission.DashboardsEdit, Permission.AlertsManage];

    private static readonly Permission[] AdminPermissions =
        [.. MemberPermissions, Permission.MembersManage, Permission.ApiKeysManage, Permission.SsoManage, Permission.AuditRead, Permission.ModelsManage,
         Permission.SettingsManage, Permission.ReportsManage];

    // Money, and who else holds the keys to the tenant, stay with the owners.
    private static readonly Permission[] OwnerPermissions = [.. AdminPermissions, Permission.BillingManage, Permission.OwnersManage];

    public static IReadOnlySet<Permission> For(Role role) => role switch
    {
        Role.Owner => OwnerPermissions.ToHashSet(),
        Role.Admin => AdminPermissions.ToHashSet(),
        Role.Member => MemberPermissions.ToHashSet(),
        Role.Viewer => ViewerPermissions.ToHashSet(),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool Allows(Role role, Permission permission) => For(role).Contains(permission);
}
