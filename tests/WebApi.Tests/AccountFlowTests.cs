using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>The whole account life cycle against the real Postgres, Redis and SMTP server.</summary>
public sealed class AccountFlowTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Fact]
    public async Task Sign_up_invite_accept_change_role_create_key_and_revoke_it()
    {
        using var owner = new ApiSession(Api);
        var ownerEmail = Emails.New("owner");
        await owner.SignUpAsync(ownerEmail, tenantName: "Flow Works");
        var me = await owner.MeAsync();
        Assert.Equal("owner", me.GetProperty("role").GetString());
        Assert.Equal("Flow Works", me.GetProperty("tenant").GetProperty("name").GetString());
        var schema = "t_" + me.GetProperty("tenant").GetProperty("key").GetString();
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.settings"));

        // Invite: the link arrives by e-mail and names the tenant.
        var bobEmail = Emails.New("bob");
        var invited = await owner.PostAsync("/api/v1/invitations", new { email = bobEmail, role = "member" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var mail = await Api.Mail.WaitForAsync(bobEmail, "invited");
        Assert.Contains("Flow Works", mail.Subject);
        Assert.StartsWith("http://faultline.test/invite?token=", mail.Link("/invite").ToString());
        var token = mail.LinkToken("/invite");

        // Accept as a new account.
        using var bob = new ApiSession(Api);
        var preview = await bob.JsonAsync($"/api/v1/invitations/preview?token={Uri.EscapeDataString(token)}");
        Assert.False(preview.GetProperty("accountExists").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsync("/api/v1/members", new { token, password = Passwords.Good })).StatusCode);
        var bobMe = await bob.MeAsync();
        Assert.Equal("member", bobMe.GetProperty("role").GetString());
        var bobId = bobMe.GetProperty("userId").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("/api/v1/api-keys")).StatusCode);

        // Promote: the new role applies to Bob's existing session at once.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Patch, $"/api/v1/members/{bobId}", new { role = "admin" })).StatusCode);
        Assert.Equal("admin", (await bob.MeAsync()).GetProperty("role").GetString());

        // Bob creates a key; it works; he revokes it; the next request with it is refused.
        var (keyClient, keyId) = await Teams.KeyAsync(bob, "ingest", "read");
        var keyMe = await keyClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["data:ingest", "data:read"], keyMe.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        var listed = (await bob.JsonAsync("/api/v1/api-keys")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == keyId);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.Equal(12, listed.GetProperty("prefix").GetString()!.Length);
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>("SELECT count(*) FROM catalog.api_keys WHERE secret_hash LIKE 'flt_%'"));

        Assert.Equal(HttpStatusCode.NoContent, (await bob.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{keyId}")).StatusCode);
        var refused = await keyClient.GetAsync("/api/v1/me");
        await ProblemAssert.IsProblemAsync(refused, 401);

        // Everything above is in the audit log, newest first.
        var actions = (await owner.JsonAsync("/api/v1/audit")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["apikey.revoked", "apikey.created", "member.role_changed", "member.joined", "member.invited", "tenant.created"], actions);
    }

    [Fact]
    public async Task An_existing_user_accepts_an_invitation_and_switches_between_tenants()
    {
        using var acme = new ApiSession(Api);
        await acme.SignUpAsync(Emails.New("acme"), tenantName: "Acme");
        using var carol = new ApiSession(Api);
        var carolEmail = Emails.New("carol");
        await carol.SignUpAsync(carolEmail, tenantName: "Carol's");
        var home = (await carol.MeAsync()).GetProperty("tenant").GetProperty("id").GetGuid();

        await acme.PostAsync("/api/v1/invitations", new { email = carolEmail, role = "viewer" });
        var token = (await Api.Mail.WaitForAsync(carolEmail, "invited")).LinkToken("/invite");
        Assert.True((await carol.JsonAsync($"/api/v1/invitations/preview?token={Uri.EscapeDataString(token)}")).GetProperty("accountExists").GetBoolean());
        // Signed in as the invitee: no password needed.
        Assert.Equal(HttpStatusCode.Created, (await carol.PostAsync("/api/v1/members", new { token })).StatusCode);

        var me = await carol.MeAsync();
        Assert.Equal("Acme", me.GetProperty("tenant").GetProperty("name").GetString());
        Assert.Equal(2, me.GetProperty("tenants").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await carol.PostAsync("/api/v1/auth/switch-tenant", new { tenantId = home })).StatusCode);
        Assert.Equal("owner", (await carol.MeAsync()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Password_reset_by_email_sets_a_new_password_and_ends_other_sessions()
    {
        var email = Emails.New("dave");
        using var laptop = new ApiSession(Api);
        await laptop.SignUpAsync(email);
        using var anonymous = new ApiSession(Api);

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsync("/api/v1/auth/password-reset", new { email })).StatusCode);
        var token = (await Api.Mail.WaitForAsync(email, "Reset")).LinkToken("/reset-password");
        const string newPassword = "Another-Strong-Pass-42";
        Assert.Equal(HttpStatusCode.NoContent,
            (await anonymous.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword })).StatusCode);

        await ProblemAssert.IsProblemAsync(await laptop.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync("/api/v1/auth/login", new { email, password = Passwords.Good }), 401);
        await anonymous.LogInAsync(email, newPassword);
    }

    [Fact]
    public async Task A_reset_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        using var anonymous = new ApiSession(Api);
        var email = Emails.New("nobody");

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsync("/api/v1/auth/password-reset", new { email })).StatusCode);

        await Task.Delay(1500);
        Assert.DoesNotContain(Api.Mail.Messages(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        using var session = new ApiSession(Api);
        await session.SignUpAsync(Emails.New("erin"));

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/logout", new { })).StatusCode);

        await ProblemAssert.IsProblemAsync(await session.GetAsync("/api/v1/me"), 401);
    }
}
