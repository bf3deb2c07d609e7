using Faultline.Domain.ApiKeys;
using Faultline.Domain.Authorization;

namespace Faultline.Domain.Tests;

/// <summary>The matrix written out by hand: a change to who may do what has to change this table too.</summary>
public class PermissionMatrixTests
{
    private static readonly Dictionary<string, Role[]> AllowedRoles = new()
    {
        ["data:read"] = [Role.Owner, Role.Admin, Role.Member, Role.Viewer],
        ["data:ingest"] = [Role.Owner, Role.Admin, Role.Member],
        ["data:predict"] = [Role.Owner, Role.Admin, Role.Member],
        ["dashboards:edit"] = [Role.Owner, Role.Admin, Role.Member],
        ["alerts:manage"] = [Role.Owner, Role.Admin, Role.Member],
        ["members:manage"] = [Role.Owner, Role.Admin],
        ["apikeys:manage"] = [Role.Owner, Role.Admin],
        ["sso:manage"] = [Role.Owner, Role.Admin],
        ["audit:read"] = [Role.Owner, Role.Admin],
        ["models:manage"] = [Role.Owner, Role.Admin],
        ["settings:manage"] = [Role.Owner, Role.Admin],
        ["reports:manage"] = [Role.Owner, Role.Admin],
        ["billing:manage"] = [Role.Owner],
        ["owners:manage"] = [Role.Owner],
    };

    public static TheoryData<Role, string> Cells()
    {
        var cells = new TheoryData<Role, string>();
        foreach (var role in Enum.GetValues<Role>())
        foreach (var permission in Permission.Tenant)
            cells.Add(role, permission.Code);
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_of_the_matrix_is_as_written(Role role, string permission) =>
        Assert.Equal(AllowedRoles[permission].Contains(role), PermissionMatrix.Allows(role, Permission.All.Single(p => p.Code == permission)));

    [Fact]
    public void Every_tenant_permission_is_in_the_table() =>
        Assert.Equal(Permission.Tenant.Select(p => p.Code).Order(), AllowedRoles.Keys.Order());

    [Fact]
    public void No_role_holds_the_operator_permission() =>
        Assert.All(Enum.GetValues<Role>(), role => Assert.False(PermissionMatrix.Allows(role, Permission.PlatformTenantsManage)));

    [Fact]
    public void An_admin_key_can_do_what_an_admin_can_but_never_billing() =>
        Assert.Equal(PermissionMatrix.For(Role.Admin), ApiKeyScopes.PermissionsOf([ApiKeyScope.Admin]));

    [Theory]
    [InlineData(ApiKeyScope.Ingest, "data:ingest")]
    [InlineData(ApiKeyScope.Read, "data:read")]
    [InlineData(ApiKeyScope.Predict, "data:predict")]
    public void Each_program_scope_grants_exactly_its_permission(ApiKeyScope scope, string permission) =>
        Assert.Equal([permission], ApiKeyScopes.PermissionsOf([scope]).Select(p => p.Code));

    [Fact]
    public void Each_permission_name_names_exactly_one_permission_and_each_permission_has_a_name()
    {
        Assert.Equal(Enum.GetValues<PermissionName>(), Permission.All.Select(p => p.Name).Order());
        Assert.All(Enum.GetValues<PermissionName>(), name => Assert.Equal(name, Permission.Of(name).Name));
        Assert.Equal(Permission.All.Count, Permission.All.Select(p => p.Code).Distinct().Count());
    }
}
