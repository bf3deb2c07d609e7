using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Threshold alerts end to end: real PostgreSQL, Redis, Kestrel, the clustered Quartz scheduler,
/// an SMTP server and an HTTP receiver standing in for Slack and webhook endpoints.
/// </summary>
public sealed class AlertTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>, IAsyncLifetime
{
    private HttpReceiver _receiver = null!;

    private RunningApi Api => fixture.Api;

    public async Task InitializeAsync() => _receiver = await HttpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private sealed record Tenant(ApiSession Owner, HttpClient Key, string Email);

    private async Task<Tenant> TenantAsync()
    {
        var owner = new ApiSession(Api);
        var email = Emails.New("alerts");
        await owner.SignUpAsync(email);
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        return new Tenant(owner, key, email);
    }

    /// <summary>Jobs of acme/api on main that finished a minute ago: <paramref name="failures"/> failed, <paramref name="successes"/> passed.</summary>
    private static async Task IngestAsync(HttpClient key, string runId, int failures, int successes, string repository = "acme/api")
    {
        var finished = DateTimeOffset.UtcNow.AddMinutes(-1);
        var events = Enumerable.Range(0, failures + successes).Select(i => (object)new
        {
            type = "job", provider = "api", externalId = $"{runId}-{i}", attempt = 1, runExternalId = runId, repository, pipeline = "CI",
            branch = "main", name = $"job-{i}", status = i < failures ? "failure" : "success", queuedAt = finished.AddMinutes(-6),
            startedAt = finished.AddMinutes(-5), finishedAt = finished,
        }).ToArray();
        var response = await key.PostAsJsonAsync("/api/v1/events", events);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    private static async Task<JsonElement> ChannelAsync(ApiSession owner, string kind, string? url = null, string[]? recipients = null) =>
        await CreatedAsync(await owner.PostAsync("/api/v1/alerts/channels", new { name = $"{kind} channel", kind, url, recipients }));

    private static object FailureRateRule(IEnumerable<Guid> channels, double threshold = 0.5, int forMinutes = 0) => new
    {
        name = "Failure rate above half",
        query = new { metric = "failure_rate", filters = new { branch = "main" } },
        condition = new { kind = "above", threshold },
        windowMinutes = 60,
        forMinutes,
        severity = "critical",
        noDataState = "ok",
        channelIds = channels.ToArray(),
    };

    private static async Task<JsonElement> RuleAsync(ApiSession owner, object rule) =>
        await CreatedAsync(await owner.PostAsync("/api/v1/alerts/rules", rule));

    private static async Task<JsonElement> WaitForStateAsync(ApiSession owner, Guid rule, string state)
    {
        JsonElement current = default;
        await RunningApi.WaitForAsync(async () =>
        {
            current = await owner.JsonAsync($"/api/v1/alerts/rules/{rule}");
            return current.GetProperty("state").GetString() == state;
        });
        return current;
    }

    private static async Task<List<JsonElement>> HistoryAsync(ApiSession owner, string query) =>
        (await owner.JsonAsync($"/api/v1/alerts/history?{query}")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task A_rule_fires_after_breaking_data_resolves_after_recovery_and_notifies_every_channel_once_per_transition()
    {
        var tenant = await TenantAsync();
        var slack = await ChannelAsync(tenant.Owner, "slack", _receiver.Url("/slack"));
        var hook = await ChannelAsync(tenant.Owner, "webhook", _receiver.Url("/hook"));
        var recipient = Emails.New("oncall");
        var mail = await ChannelAsync(tenant.Owner, "email", recipients: [recipient]);
        var secret = hook.GetProperty("signingSecret").GetString()!;
        var rule = (await RuleAsync(tenant.Owner, FailureRateRule([slack.GetProperty("id").GetGuid(), hook.GetProperty("id").GetGuid(),
            mail.GetProperty("id").GetGuid()]))).GetProperty("id").GetGuid();

        await IngestAsync(tenant.Key, "bad", failures: 4, successes: 1);
        var firing = await WaitForStateAsync(tenant.Owner, rule, "firing");
        Assert.Equal(0.8, firing.GetProperty("groups")[0].GetProperty("value").GetDouble(), 6);

        await RunningApi.WaitForAsync(() => Task.FromResult(_receiver.To("/slack").Count == 1 && _receiver.To("/hook").Count == 1));
        var email = await Api.Mail.WaitForAsync(recipient, "FIRING");
        Assert.Contains("80%", email.Body);
        Assert.Contains($"http://faultline.test/alerts/rules/{rule}", email.Body);

        var slackMessage = JsonDocument.Parse(_receiver.To("/slack")[0].Body).RootElement;
        Assert.Contains("[FIRING · critical] Failure rate above half", slackMessage.GetProperty("text").GetString());
        Assert.Contains("Open in Faultline", slackMessage.GetProperty("blocks").ToString());

        var delivery = _receiver.To("/hook")[0];
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{delivery.Headers["Faultline-Timestamp"]}.{delivery.Body}")));
        Assert.Equal(expected, delivery.Headers["Faultline-Signature"]);
        var payload = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("alert.firing", payload.GetProperty("type").GetString());
        Assert.Equal(0.5, payload.GetProperty("threshold").GetDouble());

        // Several more evaluations (every 2 s here) while it keeps firing: nothing new is sent.
        var evaluations = await Api.Database.ScalarAsync<long>("SELECT sum(evaluations)::bigint FROM t_" + await SchemaKeyAsync(tenant) + ".alert_rules");
        await RunningApi.WaitForAsync(async () =>
            await Api.Database.ScalarAsync<long>("SELECT sum(evaluations)::bigint FROM t_" + await SchemaKeyAsync(tenant) + ".alert_rules") >= evaluations + 2);
        Assert.Single(_receiver.To("/slack"));
        Assert.Single(_receiver.To("/hook"));

        await IngestAsync(tenant.Key, "good", failures: 0, successes: 20);
        await WaitForStateAsync(tenant.Owner, rule, "resolved");
        await RunningApi.WaitForAsync(() => Task.FromResult(_receiver.To("/slack").Count == 2 && _receiver.To("/hook").Count == 2));
        await Api.Mail.WaitForAsync(recipient, "RESOLVED");
        Assert.Equal("alert.resolved", JsonDocument.Parse(_receiver.To("/hook")[1].Body).RootElement.GetProperty("type").GetString());

        var states = await HistoryAsync(tenant.Owner, $"ruleId={rule}&kind=state");
        Assert.Equal(["firing", "resolved"], states.Select(s => s.GetProperty("toState").GetString()).Reverse());
        var deliveries = await HistoryAsync(tenant.Owner, $"ruleId={rule}&kind=delivery");
        Assert.Equal(6, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("sent", d.GetProperty("outcome").GetString()));
    }

    private static async Task<string> SchemaKeyAsync(Tenant tenant) =>
        (await tenant.Owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString()!.Replace('-', '_');

    [Fact]
    public async Task Deliveries_retry_on_500_until_they_succeed_and_give_up_after_the_retry_budget()
    {
        var tenant = await TenantAsync();
        _receiver.Answer("/flaky", (500, "busy"), (500, "busy"), (200, "ok"));
        _receiver.Answer("/down", (503, "down"));
        var flaky = await ChannelAsync(tenant.Owner, "webhook", _receiver.Url("/flaky"));
        var down = await ChannelAsync(tenant.Owner, "webhook", _receiver.Url("/down"));
        var rule = (await RuleAsync(tenant.Owner, FailureRateRule([flaky.GetProperty("id").GetGuid(), down.GetProperty("id").GetGuid()])))
            .GetProperty("id").GetGuid();

        await IngestAsync(tenant.Key, "bad", failures: 3, successes: 0);
        await WaitForStateAsync(tenant.Owner, rule, "firing");
        await RunningApi.WaitForAsync(async () =>
            (await HistoryAsync(tenant.Owner, $"kind=delivery&channelId={down.GetProperty("id")}")).Any(d => d.GetProperty("outcome").GetString() == "gave_up")
            && (await HistoryAsync(tenant.Owner, $"kind=delivery&channelId={flaky.GetProperty("id")}")).Any(d => d.GetProperty("outcome").GetString() == "sent"));

        var flakyAttempts = (await HistoryAsync(tenant.Owner, $"kind=delivery&channelId={flaky.GetProperty("id")}")).AsEnumerable().Reverse().ToList();
        Assert.Equal(["retrying", "retrying", "sent"], flakyAttempts.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal([1, 2, 3], flakyAttempts.Select(a => a.GetProperty("attempt").GetInt32()));
        // The same notification every time, so a receiver can tell a retry from a new alert.
        Assert.Single(_receiver.To("/flaky").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetGuid()).Distinct());

        var downAttempts = (await HistoryAsync(tenant.Owner, $"kind=delivery&channelId={down.GetProperty("id")}")).AsEnumerable().Reverse().ToList();
        Assert.Equal(["retrying", "retrying", "gave_up"], downAttempts.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Contains("Gave up after 3 attempts", downAttempts[^1].GetProperty("detail").GetString());
        Assert.Equal(3, _receiver.To("/down").Count);

        var channels = (await tenant.Owner.JsonAsync("/api/v1/alerts/channels")).EnumerateArray().ToList();
        var downHealth = channels.Single(c => c.GetProperty("id").GetGuid() == down.GetProperty("id").GetGuid()).GetProperty("health");
        Assert.False(downHealth.GetProperty("lastOk").GetBoolean());
        Assert.StartsWith("HTTP 503", downHealth.GetProperty("lastError").GetString());
        Assert.Equal(3, downHealth.GetProperty("failedLast24h").GetInt32());
        Assert.Equal(0, downHealth.GetProperty("pending").GetInt32());
        Assert.True(channels.Single(c => c.GetProperty("id").GetGuid() == flaky.GetProperty("id").GetGuid()).GetProperty("health").GetProperty("lastOk").GetBoolean());
    }

    [Fact]
    public async Task A_slack_url_that_answers_garbage_is_a_clear_error_and_nothing_stays_stuck()
    {
        var tenant = await TenantAsync();
        _receiver.Answer("/not-slack", (200, "<html>Welcome to nginx</html>"));
        var channel = await ChannelAsync(tenant.Owner, "slack", _receiver.Url("/not-slack"));
        var id = channel.GetProperty("id").GetGuid();

        var test = await tenant.Owner.PostAsync($"/api/v1/alerts/channels/{id}/test", new { });
        var outcome = (await test.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries")[0];
        Assert.False(outcome.GetProperty("ok").GetBoolean());
        Assert.Contains("instead of 'ok'", outcome.GetProperty("error").GetString());

        var rule = (await RuleAsync(tenant.Owner, FailureRateRule([id]))).GetProperty("id").GetGuid();
        await IngestAsync(tenant.Key, "bad", failures: 2, successes: 0);
        await WaitForStateAsync(tenant.Owner, rule, "firing");
        await RunningApi.WaitForAsync(async () => (await HistoryAsync(tenant.Owner, $"ruleId={rule}&kind=delivery")).Count == 1);
        var delivery = (await HistoryAsync(tenant.Owner, $"ruleId={rule}&kind=delivery")).Single();
        Assert.Equal("gave_up", delivery.GetProperty("outcome").GetString());
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.alert_outbox WHERE channel_id = '{id}' AND done_at IS NULL"));
    }

    [Fact]
    public async Task A_muted_rule_records_its_changes_but_tells_nobody_until_the_mute_ends()
    {
        var tenant = await TenantAsync();
        var channel = await ChannelAsync(tenant.Owner, "webhook", _receiver.Url("/muted"));
        var rule = (await RuleAsync(tenant.Owner, FailureRateRule([channel.GetProperty("id").GetGuid()]))).GetProperty("id").GetGuid();
        var muted = await tenant.Owner.PostAsync($"/api/v1/alerts/rules/{rule}/mute", new { minutes = 60 });
        Assert.True((await muted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mutedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(59));

        await IngestAsync(tenant.Key, "bad", failures: 2, successes: 0);
        await WaitForStateAsync(tenant.Owner, rule, "firing");
        var transition = (await HistoryAsync(tenant.Owner, $"ruleId={rule}&kind=state")).Single();
        Assert.Contains("Muted", transition.GetProperty("detail").GetString());
        await Task.Delay(3000);
        Assert.Empty(_receiver.To("/muted"));

        await tenant.Owner.PostAsync($"/api/v1/alerts/rules/{rule}/mute", new { minutes = 0 });
        await RunningApi.WaitForAsync(() => Task.FromResult(_receiver.To("/muted").Count == 1));
        Assert.Equal("alert.renotify", JsonDocument.Parse(_receiver.To("/muted")[0].Body).RootElement.GetProperty("type").GetString());

        var acknowledged = await tenant.Owner.PostAsync($"/api/v1/alerts/rules/{rule}/acknowledge", new { });
        var group = (await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groups")[0];
        Assert.Equal(tenant.Email, group.GetProperty("acknowledgedBy").GetString());
        await ProblemAssert.IsProblemAsync(await tenant.Owner.PostAsync($"/api/v1/alerts/rules/{rule}/acknowledge", new { }), 409);
        Assert.Equal(["acknowledge", "mute", "mute"],
            (await HistoryAsync(tenant.Owner, $"ruleId={rule}")).Select(h => h.GetProperty("kind").GetString()).Where(k => k is "mute" or "acknowledge"));
    }

    [Fact]
    public async Task A_rule_test_sends_to_each_channel_now_and_reports_each_outcome()
    {
        var tenant = await TenantAsync();
        _receiver.Answer("/test-down", (500, "nope"));
        var good = await ChannelAsync(tenant.Owner, "slack", _receiver.Url("/test-ok"));
        var bad = await ChannelAsync(tenant.Owner, "webhook", _receiver.Url("/test-down"));
        var rule = (await RuleAsync(tenant.Owner, FailureRateRule([good.GetProperty("id").GetGuid(), bad.GetProperty("id").GetGuid()])))
            .GetProperty("id").GetGuid();

        var response = await tenant.Owner.PostAsync($"/api/v1/alerts/rules/{rule}/test", new { });
        var deliveries = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal([true, false], deliveries.Select(d => d.GetProperty("ok").GetBoolean()));
        Assert.Equal(500, deliveries[1].GetProperty("status").GetInt32());
        Assert.Contains("[TEST", JsonDocument.Parse(_receiver.To("/test-ok").Single().Body).RootElement.GetProperty("text").GetString());
        Assert.Equal(2, (await HistoryAsync(tenant.Owner, "kind=test")).Count);
    }

    [Fact]
    public async Task A_rule_per_repository_and_pipeline_says_which_repository_pipeline_and_branch_broke_for_how_long_and_links_the_run()
    {
        var tenant = await TenantAsync();
        var recipient = Emails.New("per-pipeline");
        var mail = await ChannelAsync(tenant.Owner, "email", recipients: [recipient]);
        var hook = await ChannelAsync(tenant.Owner, "webhook", _receiver.Url("/per-pipeline"));
        // Two repositories whose pipelines share the name "CI", both failing on main since 3 days 9 hours (and a few minutes).
        var started = DateTimeOffset.UtcNow.AddDays(-3).AddHours(-9).AddMinutes(-10);
        var events = new[] { "acme/api", "acme/web" }.Select(repository => (object)new
        {
            type = "run", provider = "api", externalId = $"{repository}-r1", attempt = 1, repository, pipeline = "CI", branch = "main",
            defaultBranch = "main", status = "failure", queuedAt = started, startedAt = started, finishedAt = started.AddMinutes(5),
        }).ToArray();
        (await tenant.Key.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
        var runs = (await tenant.Owner.JsonAsync("/api/v1/runs")).GetProperty("items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("repository").GetString()!, r => r.GetProperty("id").GetInt64());

        var rule = (await RuleAsync(tenant.Owner, new
        {
            name = "Default branch broken", query = new { metric = "broken_for", groupBy = "repository", alsoGroupBy = new[] { "pipeline" } },
            condition = new { kind = "above", threshold = 30 * 60_000 }, windowMinutes = 60, severity = "critical", noDataState = "ok",
            channelIds = new[] { mail.GetProperty("id").GetGuid(), hook.GetProperty("id").GetGuid() },
        })).GetProperty("id").GetGuid();
        var firing = await WaitForStateAsync(tenant.Owner, rule, "firing");
        Assert.Equal(["acme/api\u001fCI", "acme/web\u001fCI"], firing.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()).Order());

        // One message per channel for the evaluation that found both broken, each group with what broke and where to look.
        var email = await Api.Mail.WaitForAsync(recipient, "[FIRING · critical] Default branch broken — 2 groups");
        foreach (var repository in new[] { "acme/api", "acme/web" })
        {
            Assert.Contains($"— {repository} · CI\nRepository: {repository}\nPipeline: CI\nBranch: main\nDefault branch broken for: 3d 9h (alert when > 30m)",
                email.Body.ReplaceLineEndings("\n"));
            Assert.Contains($"Latest failing run: http://faultline.test/runs/{runs[repository]}", email.Body);
        }

        Assert.Contains($"Rule: http://faultline.test/alerts/rules/{rule}", email.Body);
        await RunningApi.WaitForAsync(() => Task.FromResult(_receiver.To("/per-pipeline").Count == 1));
        var payload = JsonDocument.Parse(_receiver.To("/per-pipeline")[0].Body).RootElement;
        var groups = payload.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["acme/api", "acme/web"], groups.Select(g => g.GetProperty("repository").GetString()));
        Assert.All(groups, g => Assert.Equal(("CI", "main"), (g.GetProperty("pipeline").GetString(), g.GetProperty("branch").GetString())));
        Assert.Equal($"http://faultline.test/runs/{runs["acme/web"]}", groups[1].GetProperty("runsUrl").GetString());

        // Several more evaluations while both keep firing: still that one message per channel.
        var evaluations = await Api.Database.ScalarAsync<long>("SELECT sum(evaluations)::bigint FROM t_" + await SchemaKeyAsync(tenant) + ".alert_rules");
        await RunningApi.WaitForAsync(async () =>
            await Api.Database.ScalarAsync<long>("SELECT sum(evaluations)::bigint FROM t_" + await SchemaKeyAsync(tenant) + ".alert_rules") >= evaluations + 2);
        Assert.Single(Api.Mail.Messages(), m => m.To.Contains(recipient, StringComparison.OrdinalIgnoreCase));
        Assert.Single(_receiver.To("/per-pipeline"));
    }
}
