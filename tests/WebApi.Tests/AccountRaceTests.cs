using System.Net;
using Npgsql;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Account rules that must hold under concurrent requests, not only one request at a time: the
/// requests are made to overlap for certain (held on a database lock, or all in flight at once).
/// </summary>
public sealed class AccountRaceTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    [Theory]
    [InlineData("demote")]
    [InlineData("remove")]
    public async Task The_last_two_owners_changed_at_once_leave_the_tenant_one_owner(string change)
    {
        using var alice = new ApiSession(Api);
        await alice.SignUpAsync(Emails.New("alice"), tenantName: "Two Owners");
        var me = await alice.MeAsync();
        var (aliceId, tenantId) = (me.GetProperty("userId").GetGuid(), me.GetProperty("tenant").GetProperty("id").GetGuid());
        var (bob, bobId, _) = await Teams.JoinAsync(alice, "owner");
        using var bobSession = bob;

        // The test holds the owners' rows, so both changes reach the owner check before either can write.
        await using var connection = new NpgsqlConnection(Api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var hold = await connection.BeginTransactionAsync();
        await using (var lockOwners = new NpgsqlCommand(
            $"SELECT 1 FROM catalog.memberships WHERE tenant_id = '{tenantId}' AND role = 'owner' FOR UPDATE", connection, hold))
            await lockOwners.ExecuteNonQueryAsync();

        var responses = new[] { Change(alice, bobId), Change(bob, aliceId) };
        await WaitForLockWaitersAsync(connection, 2);
        await hold.CommitAsync();
        var statuses = (await Task.WhenAll(responses)).Select(r => r.StatusCode).Order().ToList();

        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.memberships WHERE tenant_id = '{tenantId}' AND role = 'owner'"));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], statuses);

        Task<HttpResponseMessage> Change(ApiSession by, Guid target) => change == "demote"
            ? by.SendAsync(HttpMethod.Patch, $"/api/v1/members/{target}", new { role = "admin" })
            : by.SendAsync(HttpMethod.Delete, $"/api/v1/members/{target}");
    }

    [Fact]
    public async Task Parallel_wrong_passwords_get_no_more_guesses_than_the_lockout_allows()
    {
        var email = Emails.New("guessed");
        using (var owner = new ApiSession(Api)) await owner.SignUpAsync(email);
        using var attacker = new ApiSession(Api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => attacker.PostAsync("/api/v1/auth/login", new { email, password = "Wrong-Password-" + i })));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(5, statuses.Count(s => s == 401));
        Assert.Equal(15, statuses.Count(s => s == 429));
        Assert.Equal(5L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.audit_log WHERE action = 'login.failed' AND actor = '{email}'"));
    }

    [Fact]
    public async Task A_reset_link_used_twice_at_once_sets_one_password()
    {
        var email = Emails.New("reset-race");
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(email);
        var userId = (await owner.MeAsync()).GetProperty("userId").GetGuid();
        await owner.PostAsync("/api/v1/auth/password-reset", new { email });
        var token = (await Api.Mail.WaitForAsync(email, "Reset")).LinkToken("/reset-password");

        // The test holds the reset's row, so both redemptions have read it as unused before either writes.
        await using var connection = new NpgsqlConnection(Api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var hold = await connection.BeginTransactionAsync();
        await using (var lockReset = new NpgsqlCommand($"SELECT 1 FROM catalog.password_resets WHERE user_id = '{userId}' FOR UPDATE", connection, hold))
            await lockReset.ExecuteNonQueryAsync();

        using var first = new ApiSession(Api);
        using var second = new ApiSession(Api);
        var responses = new[]
        {
            first.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "First-New-Pass-77" }),
            second.PostAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "Second-New-Pass-88" }),
        };
        await WaitForLockWaitersAsync(connection, 2);
        await hold.CommitAsync();
        var statuses = (await Task.WhenAll(responses)).Select(r => r.StatusCode).Order().ToList();

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], statuses);
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.audit_log WHERE action = 'password.reset' AND actor = '{email}'"));
    }

    /// <summary>Until <paramref name="count"/> other sessions of this database wait on a lock (bounded by polls, not by time).</summary>
    private static async Task WaitForLockWaitersAsync(NpgsqlConnection connection, int count)
    {
        for (var poll = 0; poll < 1000; poll++)
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await waiting.ExecuteScalarAsync())! >= count) return;
            await Task.Delay(20);
        }

        Assert.Fail($"Fewer than {count} requests ever waited on the test's lock.");
    }
}
