using System.Net;
using Faultline.Domain;
using Faultline.Domain.Authorization;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Every role, against one endpoint per permission that has an endpoint: allowed exactly where
/// PermissionMatrix allows it, 403 elsewhere.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.OneOfEachRole team) : IClassFixture<RoleMatrixTests.OneOfEachRole>
{
    public sealed class OneOfEachRole : IAsyncLifetime
    {
        public RunningApi Api { get; private set; } = null!;
        public Dictionary<Role, ApiSession> Sessions { get; } = [];

        public async Task InitializeAsync()
        {
            Api = await RunningApi.StartAsync();
            var owner = new ApiSession(Api);
            await owner.SignUpAsync(Emails.New("owner"), tenantName: "Matrix");
            Sessions[Role.Owner] = owner;
            foreach (var role in new[] { Role.Admin, Role.Member, Role.Viewer })
                Sessions[role] = (await Teams.JoinAsync(owner, EnumCode.Of(role))).Session;
        }

        public async Task DisposeAsync()
        {
            foreach (var session in Sessions.Values) session.Dispose();
            await Api.DisposeAsync();
        }
    }

    /// <summary>A harmless request that needs exactly the permission; a 2xx or a 4xx other than 403 means "allowed through".</summary>
    private static readonly Dictionary<string, (string Method, string Path, object? Body)> ProbeFor = new()
    {
        ["members:manage"] = ("GET", "/api/v1/members", null),
        ["apikeys:manage"] = ("GET", "/api/v1/api-keys", null),
        ["audit:read"] = ("GET", "/api/v1/audit", null),
        ["settings:manage"] = ("PUT", "/api/v1/settings", new { }),
        ["owners:manage"] = ("PATCH", "/api/v1/members/{owner}", new { role = "owner" }),
    };

    public static TheoryData<Role, string> Cases()
    {
        var cases = new TheoryData<Role, string>();
        foreach (var role in Enum.GetValues<Role>())
        foreach (var permission in ProbeFor.Keys)
            cases.Add(role, permission);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_is_denied_exactly_what_the_matrix_denies(Role role, string permission)
    {
        var (method, path, body) = ProbeFor[permission];
        var ownerId = (await team.Sessions[Role.Owner].MeAsync()).GetProperty("userId").GetGuid();

        var response = await team.Sessions[role].SendAsync(new HttpMethod(method), path.Replace("{owner}", ownerId.ToString(), StringComparison.Ordinal), body);

        var allowed = PermissionMatrix.Allows(role, Permission.All.Single(p => p.Code == permission));
        if (allowed) Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        else await ProblemAssert.IsProblemAsync(response, 403);
    }

    [Theory]
    [InlineData(Role.Owner)]
    [InlineData(Role.Admin)]
    [InlineData(Role.Member)]
    [InlineData(Role.Viewer)]
    public async Task Me_reports_the_permissions_of_the_matrix(Role role)
    {
        var me = await team.Sessions[role].MeAsync();

        Assert.Equal(EnumCode.Of(role), me.GetProperty("role").GetString());
        Assert.Equal(PermissionMatrix.For(role).Select(p => p.Code).Order(), me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Order());
    }
}
