using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Tenant A's users and keys get 404 — not 403, not data — for tenant B's ids on every endpoint of
/// accounts, and A's lists never hold B's rows.
/// </summary>
public sealed class TenantIsolationTests(TenantIsolationTests.TwoTenants tenants) : IClassFixture<TenantIsolationTests.TwoTenants>
{
    public sealed class TwoTenants : IAsyncLifetime
    {
        public RunningApi Api { get; private set; } = null!;
        public ApiSession OwnerA { get; private set; } = null!;
        public ApiSession OwnerB { get; private set; } = null!;
        public HttpClient AdminKeyA { get; private set; } = null!;
        public Guid MemberOfB { get; private set; }
        public Guid KeyOfB { get; private set; }
        public Guid InvitationOfB { get; private set; }
        public string EmailOfB { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Api = await RunningApi.StartAsync();
            OwnerA = new ApiSession(Api);
            await OwnerA.SignUpAsync(Emails.New("a"), tenantName: "Tenant A");
            OwnerB = new ApiSession(Api);
            EmailOfB = Emails.New("b");
            await OwnerB.SignUpAsync(EmailOfB, tenantName: "Tenant B");

            (_, MemberOfB, _) = await Teams.JoinAsync(OwnerB, "member");
            (_, KeyOfB) = await Teams.KeyAsync(OwnerB, "read");
            var invitation = await OwnerB.PostAsync("/api/v1/invitations", new { email = Emails.New("pending"), role = "viewer" });
            InvitationOfB = (await invitation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (AdminKeyA, _) = await Teams.KeyAsync(OwnerA, "admin");
        }

        public async Task DisposeAsync()
        {
            OwnerA.Dispose();
            OwnerB.Dispose();
            AdminKeyA.Dispose();
            await Api.DisposeAsync();
        }
    }

    public static TheoryData<string, string> ForeignIdRequests => new()
    {
        { "PATCH", "/api/v1/members/{member}" },
        { "DELETE", "/api/v1/members/{member}" },
        { "DELETE", "/api/v1/api-keys/{key}" },
        { "DELETE", "/api/v1/invitations/{invitation}" },
    };

    [Theory]
    [MemberData(nameof(ForeignIdRequests))]
    public async Task A_user_of_tenant_a_gets_404_for_tenant_b_ids_and_changes_nothing(string method, string template)
    {
        var before = await SnapshotOfBAsync();

        var response = await tenants.OwnerA.SendAsync(new HttpMethod(method), Path(template), method == "PATCH" ? new { role = "viewer" } : null);

        await ProblemAssert.IsProblemAsync(response, 404);
        Assert.Equal(before, await SnapshotOfBAsync());
    }

    [Theory]
    [MemberData(nameof(ForeignIdRequests))]
    public async Task A_key_of_tenant_a_gets_404_for_tenant_b_ids(string method, string template)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(template));
        if (method == "PATCH") request.Content = JsonContent.Create(new { role = "viewer" });

        await ProblemAssert.IsProblemAsync(await tenants.AdminKeyA.SendAsync(request), 404);
    }

    [Theory]
    [InlineData("/api/v1/members")]
    [InlineData("/api/v1/api-keys")]
    [InlineData("/api/v1/invitations")]
    [InlineData("/api/v1/audit")]
    public async Task Lists_of_tenant_a_never_include_tenant_b_rows(string path)
    {
        var fromSession = (await tenants.OwnerA.JsonAsync(path)).ToString();
        var fromKey = await tenants.AdminKeyA.GetStringAsync(path);

        foreach (var body in new[] { fromSession, fromKey })
        {
            Assert.DoesNotContain(tenants.MemberOfB.ToString(), body);
            Assert.DoesNotContain(tenants.KeyOfB.ToString(), body);
            Assert.DoesNotContain(tenants.InvitationOfB.ToString(), body);
            Assert.DoesNotContain(tenants.EmailOfB, body);
            Assert.DoesNotContain("Tenant B", body);
        }
    }

    [Fact]
    public async Task A_user_cannot_switch_into_a_tenant_they_do_not_belong_to()
    {
        var tenantB = (await tenants.OwnerB.MeAsync()).GetProperty("tenant").GetProperty("id").GetGuid();

        await ProblemAssert.IsProblemAsync(await tenants.OwnerA.PostAsync("/api/v1/auth/switch-tenant", new { tenantId = tenantB }), 404);
        Assert.Equal("Tenant A", (await tenants.OwnerA.MeAsync()).GetProperty("tenant").GetProperty("name").GetString());
    }

    private string Path(string template) => template
        .Replace("{member}", tenants.MemberOfB.ToString(), StringComparison.Ordinal)
        .Replace("{key}", tenants.KeyOfB.ToString(), StringComparison.Ordinal)
        .Replace("{invitation}", tenants.InvitationOfB.ToString(), StringComparison.Ordinal);

    private Task<string> SnapshotOfBAsync() => tenants.Api.Database.ScalarAsync<string>($"""
        SELECT (SELECT string_agg(user_id || role, ',' ORDER BY user_id) FROM catalog.memberships m JOIN catalog.tenants t ON t.id = m.tenant_id WHERE t.name = 'Tenant B')
            || (SELECT string_agg(id || coalesce(revoked_at::text, '-'), ',') FROM catalog.api_keys WHERE id = '{tenants.KeyOfB}')
            || (SELECT count(*)::text FROM catalog.invitations WHERE id = '{tenants.InvitationOfB}')
        """);
}
