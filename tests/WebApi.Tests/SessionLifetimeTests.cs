using System.Net;

namespace Faultline.WebApi.Tests;

/// <summary>A session ends server-side: at sign-out (for every copy of its cookie) and at its absolute lifetime.</summary>
public sealed class SessionLifetimeTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Fact]
    public async Task A_copied_session_cookie_stops_working_when_its_session_signs_out()
    {
        var cookies = new CookieContainer();
        using var browser = new ApiSession(Api, cookies);
        await browser.SignUpAsync(Emails.New("copied"));
        var copy = new CookieContainer();
        copy.Add(cookies.GetAllCookies());
        using var thief = new ApiSession(Api, copy);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(HttpMethod.Post, "/api/v1/auth/logout")).StatusCode);

        await ProblemAssert.IsProblemAsync(await thief.GetAsync("/api/v1/me"), 401);
        await ProblemAssert.IsProblemAsync(await browser.GetAsync("/api/v1/me"), 401);
    }

    [Fact]
    public async Task A_session_in_use_ends_at_its_absolute_lifetime()
    {
        using var browser = new ApiSession(Api);
        var email = Emails.New("lifetime");
        await browser.SignUpAsync(email);
        var userId = (await browser.MeAsync()).GetProperty("userId").GetGuid();
        Assert.Equal((long)TimeSpan.FromHours(24).TotalSeconds, await Api.Database.ScalarAsync<long>(
            $"SELECT extract(epoch FROM expires_at - started_at)::bigint FROM catalog.sessions WHERE user_id = '{userId}'"));

        // The session began a day and a minute ago, and was used all along (the cookie slid).
        await Api.Database.ScalarAsync<long>($"""
            WITH moved AS (UPDATE catalog.sessions SET started_at = started_at - interval '1 day 1 minute',
                expires_at = expires_at - interval '1 day 1 minute' WHERE user_id = '{userId}' RETURNING 1)
            SELECT count(*) FROM moved
            """);

        await ProblemAssert.IsProblemAsync(await browser.GetAsync("/api/v1/me"), 401);
        await browser.LogInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Joining_and_switching_tenants_keep_the_session_and_its_end()
    {
        using var acme = new ApiSession(Api);
        await acme.SignUpAsync(Emails.New("acme"), tenantName: "Acme");
        using var carol = new ApiSession(Api);
        var carolEmail = Emails.New("carol");
        await carol.SignUpAsync(carolEmail, tenantName: "Carol's");
        var me = await carol.MeAsync();
        var (carolId, home) = (me.GetProperty("userId").GetGuid(), me.GetProperty("tenant").GetProperty("id").GetGuid());
        var session = await SessionsOfAsync(carolId);

        await acme.PostAsync("/api/v1/invitations", new { email = carolEmail, role = "viewer" });
        var token = (await Api.Mail.WaitForAsync(carolEmail, "invited")).LinkToken("/invite");
        Assert.Equal(HttpStatusCode.Created, (await carol.PostAsync("/api/v1/members", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await carol.PostAsync("/api/v1/auth/switch-tenant", new { tenantId = home })).StatusCode);

        Assert.Equal("owner", (await carol.MeAsync()).GetProperty("role").GetString());
        Assert.Equal(session, await SessionsOfAsync(carolId));
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_of_the_account()
    {
        var email = Emails.New("reset-all");
        using var first = new ApiSession(Api);
        await first.SignUpAsync(email);
        using var second = new ApiSession(Api);
        await second.LogInAsync(email);
        var userId = (await first.MeAsync()).GetProperty("userId").GetGuid();
        Assert.Equal(2L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.sessions WHERE user_id = '{userId}'"));

        await first.PostAsync("/api/v1/auth/password-reset", new { email });
        var token = (await Api.Mail.WaitForAsync(email, "Reset")).LinkToken("/reset-password");
        Assert.Equal(HttpStatusCode.NoContent,
            (await first.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Brand-New-Pass-42" })).StatusCode);

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.sessions WHERE user_id = '{userId}'"));
        await ProblemAssert.IsProblemAsync(await second.GetAsync("/api/v1/me"), 401);
    }

    private Task<string> SessionsOfAsync(Guid userId) => Api.Database.ScalarAsync<string>(
        $"SELECT coalesce(string_agg(id::text || ' ' || expires_at::text, ',' ORDER BY id), '') FROM catalog.sessions WHERE user_id = '{userId}'");
}
