using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>Bad input and abuse on the account endpoints: clear problems, nothing partially written.</summary>
public sealed class AccountAbuseTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Theory]
    [InlineData("short1A!")]
    [InlineData("lowercaseonly12")]
    [InlineData("password123")]
    [InlineData("aaaaaaaaaaaaaaaaaa")]
    [InlineData("")]
    public async Task Weak_passwords_are_refused_and_no_account_or_tenant_is_created(string password)
    {
        using var session = new ApiSession(Api);
        var email = Emails.New("weak");

        var problem = await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/auth/signup", new { email, password, tenantName = "Weak Co" }), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM catalog.users WHERE email = '{email}'"));
    }

    [Fact]
    public async Task A_password_made_of_the_email_is_refused()
    {
        using var session = new ApiSession(Api);

        var problem = await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/auth/signup",
            new { email = "quentin.tarantula@example.test", password = "Quentin.Tarantula-1", tenantName = "Q" }), 400);

        Assert.Contains("e-mail", problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.test")]
    [InlineData("spaces in@example.test")]
    [InlineData("no-domain@")]
    [InlineData("<script>@example.test")]
    public async Task Malformed_emails_are_field_errors(string email)
    {
        using var session = new ApiSession(Api);

        var problem = await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/auth/signup", new { email, password = Passwords.Good, tenantName = "X" }), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_duplicate_sign_up_is_a_409_and_creates_no_second_tenant()
    {
        var email = Emails.New("dup");
        using var first = new ApiSession(Api);
        await first.SignUpAsync(email, tenantName: "Original");
        var tenantsBefore = await CountAsync("SELECT count(*) FROM catalog.tenants");

        using var second = new ApiSession(Api);
        var response = await second.PostAsync("/api/v1/auth/signup", new { email = email.ToUpperInvariant(), password = Passwords.Good, tenantName = "Copycat" });

        await ProblemAssert.IsProblemAsync(response, 409);
        Assert.Equal(tenantsBefore, await CountAsync("SELECT count(*) FROM catalog.tenants"));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 't_copycat%'"));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_and_then_even_the_right_one_waits()
    {
        var email = Emails.New("locked");
        using (var owner = new ApiSession(Api)) await owner.SignUpAsync(email);
        using var attacker = new ApiSession(Api);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await ProblemAssert.IsProblemAsync(await attacker.PostAsync("/api/v1/auth/login", new { email, password = "Wrong-Password-" + attempt }), 401);
            Assert.Equal("The e-mail or password is incorrect.", wrong.GetProperty("detail").GetString());
        }

        var locked = await attacker.PostAsync("/api/v1/auth/login", new { email, password = Passwords.Good });
        var problem = await ProblemAssert.IsProblemAsync(locked, 429);
        Assert.Contains("reset your password", problem.GetProperty("detail").GetString());
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(await CountAsync($"SELECT count(*) FROM catalog.audit_log WHERE action = 'login.failed' AND actor = '{email}'") >= 5);
    }

    [Fact]
    public async Task Unknown_and_known_emails_fail_and_lock_alike()
    {
        var known = Emails.New("known");
        using (var owner = new ApiSession(Api)) await owner.SignUpAsync(known);
        var unknown = Emails.New("unknown");
        using var attacker = new ApiSession(Api);

        var details = new List<string>();
        foreach (var email in new[] { known, unknown })
        {
            for (var attempt = 0; attempt < 5; attempt++)
                details.Add((await ProblemAssert.IsProblemAsync(await attacker.PostAsync("/api/v1/auth/login", new { email, password = "Nope-Nope-123" }), 401)).GetProperty("detail").GetString()!);
            details.Add((await ProblemAssert.IsProblemAsync(await attacker.PostAsync("/api/v1/auth/login", new { email, password = "Nope-Nope-123" }), 429)).GetProperty("detail").GetString()!);
        }

        Assert.Equal(details[..6], details[6..]);
    }

    [Fact]
    public async Task A_reset_token_works_once()
    {
        var email = Emails.New("reuse");
        using var session = new ApiSession(Api);
        await session.SignUpAsync(email);
        await session.PostAsync("/api/v1/auth/password-reset", new { email });
        var token = (await Api.Mail.WaitForAsync(email, "Reset")).LinkToken("/reset-password");

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "First-New-Pass-77" })).StatusCode);
        var reused = await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Second-New-Pass-88" }), 400);

        Assert.True(reused.GetProperty("errors").TryGetProperty("token", out _));
        await session.LogInAsync(email, "First-New-Pass-77");
    }

    [Fact]
    public async Task An_expired_reset_token_is_refused_and_changes_nothing()
    {
        var email = Emails.New("expired");
        using var session = new ApiSession(Api);
        await session.SignUpAsync(email);
        await session.PostAsync("/api/v1/auth/password-reset", new { email });
        var token = (await Api.Mail.WaitForAsync(email, "Reset")).LinkToken("/reset-password");
        await CountAsync($"WITH u AS (UPDATE catalog.password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM catalog.users WHERE email = '{email}') RETURNING 1) SELECT count(*) FROM u");

        await ProblemAssert.IsProblemAsync(await session.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Never-Applied-Pass-1" }), 400);

        await session.LogInAsync(email);
    }

    [Fact]
    public async Task Expired_and_used_invitations_are_refused()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("inviter"));
        var late = Emails.New("late");
        await owner.PostAsync("/api/v1/invitations", new { email = late, role = "member" });
        var lateToken = (await Api.Mail.WaitForAsync(late, "invited")).LinkToken("/invite");
        await CountAsync($"WITH u AS (UPDATE catalog.invitations SET expires_at = now() - interval '1 second' WHERE email = '{late}' RETURNING 1) SELECT count(*) FROM u");
        using var latecomer = new ApiSession(Api);

        await ProblemAssert.IsProblemAsync(await latecomer.PostAsync("/api/v1/members", new { token = lateToken, password = Passwords.Good }), 400);
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM catalog.users WHERE email = '{late}'"));

        var (_, _, joinedEmail) = await Teams.JoinAsync(owner, "viewer");
        var usedToken = (await Api.Mail.WaitForAsync(joinedEmail, "invited")).LinkToken("/invite");
        using var replay = new ApiSession(Api);
        await ProblemAssert.IsProblemAsync(await replay.PostAsync("/api/v1/members", new { token = usedToken, password = Passwords.Good }), 400);
    }

    [Theory]
    [InlineData("?token=not-a-real-token")]
    [InlineData("?token=")]
    [InlineData("")]
    public async Task Previewing_an_unknown_invitation_is_a_400(string query)
    {
        using var anonymous = new ApiSession(Api);

        var problem = await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/v1/invitations/preview" + query), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Accepting_for_an_existing_account_needs_its_password()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("host"));
        var existing = Emails.New("existing");
        using (var other = new ApiSession(Api)) await other.SignUpAsync(existing);
        await owner.PostAsync("/api/v1/invitations", new { email = existing, role = "member" });
        var token = (await Api.Mail.WaitForAsync(existing, "invited")).LinkToken("/invite");
        using var stranger = new ApiSession(Api);

        await ProblemAssert.IsProblemAsync(await stranger.PostAsync("/api/v1/members", new { token, password = "Guessing-Wrong-1" }), 401);
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM catalog.memberships m JOIN catalog.users u ON u.id = m.user_id WHERE u.email = '{existing}'"));
    }

    [Fact]
    public async Task A_state_change_without_the_antiforgery_token_is_refused_and_writes_nothing()
    {
        using var session = new ApiSession(Api);
        await session.SignUpAsync(Emails.New("csrf"));
        var keysBefore = await CountAsync("SELECT count(*) FROM catalog.api_keys");

        var response = await session.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "forged", scopes = new[] { "admin" } }, withAntiforgery: false);

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.Contains("X-CSRF-TOKEN", problem.GetProperty("detail").GetString());
        Assert.Equal(keysBefore, await CountAsync("SELECT count(*) FROM catalog.api_keys"));
    }

    [Fact]
    public async Task A_revoked_or_made_up_key_is_401()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("keys"));
        var (client, id) = await Teams.KeyAsync(owner, "read");
        await owner.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{id}");

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/me"), 401);
        using var madeUp = new HttpClient { BaseAddress = Api.BaseAddress };
        madeUp.DefaultRequestHeaders.Authorization = new("Bearer", "flt_" + new string('A', 43));
        await ProblemAssert.IsProblemAsync(await madeUp.GetAsync("/api/v1/me"), 401);
    }

    [Theory]
    [InlineData("", new[] { "read" }, "name")]
    [InlineData("ci", new string[0], "scopes")]
    [InlineData("ci", new[] { "superuser" }, "scopes[0]")]
    public async Task Invalid_keys_are_field_errors(string name, string[] scopes, string field)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("badkey"));

        var problem = await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/api-keys", new { name, scopes }), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_key_cannot_grant_more_than_its_creator_holds()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("creator"));
        var (readKey, _) = await Teams.KeyAsync(owner, "admin");

        var response = await readKey.PostAsJsonAsync("/api/v1/api-keys", new { name = "escalate", scopes = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (member, _, _) = await Teams.JoinAsync(owner, "member");
        await ProblemAssert.IsProblemAsync(await member.PostAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "read" } }), 403);
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("lonely"));
        var ownerId = (await owner.MeAsync()).GetProperty("userId").GetGuid();

        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/members/{ownerId}", new { role = "admin" }), 409);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Delete, $"/api/v1/members/{ownerId}"), 409);
        Assert.Equal("owner", (await owner.MeAsync()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Admins_cannot_touch_owners_and_invalid_roles_are_field_errors()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("boss"));
        var ownerId = (await owner.MeAsync()).GetProperty("userId").GetGuid();
        var (admin, adminId, _) = await Teams.JoinAsync(owner, "admin");

        await ProblemAssert.IsProblemAsync(await admin.SendAsync(HttpMethod.Delete, $"/api/v1/members/{ownerId}"), 403);
        await ProblemAssert.IsProblemAsync(await admin.SendAsync(HttpMethod.Patch, $"/api/v1/members/{adminId}", new { role = "owner" }), 403);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/members/{adminId}", new { role = "god" }), 400);
        await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/invitations", new { email = Emails.New("x"), role = "owner" }), 400);
    }

    [Fact]
    public async Task Inviting_a_current_member_is_a_conflict()
    {
        using var owner = new ApiSession(Api);
        var email = Emails.New("self");
        await owner.SignUpAsync(email);

        await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/invitations", new { email, role = "member" }), 409);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?cursor=not-a-cursor")]
    public async Task Bad_audit_paging_is_a_400(string query)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("auditor"));

        await ProblemAssert.IsProblemAsync(await owner.GetAsync("/api/v1/audit" + query), 400);
    }

    [Fact]
    public async Task The_audit_log_pages_without_gaps_or_repeats()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("pager"));
        for (var i = 0; i < 5; i++) await Teams.KeyAsync(owner, "read");

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await owner.JsonAsync("/api/v1/audit?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(6, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_tenant_endpoint()
    {
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress };
        foreach (var path in new[] { "/api/v1/me", "/api/v1/members", "/api/v1/api-keys", "/api/v1/invitations", "/api/v1/audit" })
            await ProblemAssert.IsProblemAsync(await anonymous.GetAsync(path), 401);
    }

    private Task<long> CountAsync(string sql) => Api.Database.ScalarAsync<long>(sql);
}

/// <summary>The per-address limits as deployed (not raised as in the other test classes).</summary>
public sealed class AddressRateLimitTests
{
    [Fact]
    public async Task Sign_ups_from_one_address_are_limited_with_retry_after()
    {
        await using var api = await RunningApi.StartAsync(productionLimits: true);
        using var session = new ApiSession(api);
        HttpResponseMessage last = new(HttpStatusCode.OK);

        for (var attempt = 0; attempt < 11; attempt++)
            last = await session.PostAsync("/api/v1/auth/signup", new { email = Emails.New("burst"), password = Passwords.Good, tenantName = "Burst" });

        var problem = await ProblemAssert.IsProblemAsync(last, 429);
        Assert.NotNull(last.Headers.RetryAfter);
        // The person signing up reads when to try again, not only the header.
        Assert.Matches(@"^Too many sign-ups from your network\. Try again in \d+ (seconds|minutes?|hours?)\.$", problem.GetProperty("detail").GetString());
    }
}
