using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>Alert rules and channels refuse bad input with field-named problems and store nothing; tenants never see each other's.</summary>
public sealed class AlertInputAndIsolationTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    private async Task<ApiSession> OwnerAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("alerts-input"));
        return owner;
    }

    private static Dictionary<string, object?> Rule(Action<Dictionary<string, object?>>? change = null)
    {
        var rule = new Dictionary<string, object?>
        {
            ["name"] = "Failure rate",
            ["query"] = new { metric = "failure_rate" },
            ["condition"] = new { kind = "above", threshold = 0.2 },
            ["windowMinutes"] = 60,
        };
        change?.Invoke(rule);
        return rule;
    }

    public static TheoryData<string, object?, string> BadRules => new()
    {
        { "condition", new { kind = "outside", threshold = 0.1 }, "condition.threshold" },
        { "condition", new { kind = "outside", threshold = 0.5, upper = 0.2 }, "condition.threshold" },
        { "condition", new { kind = "above", threshold = 0.2, upper = 0.5 }, "condition.threshold" },
        { "condition", new { kind = "above", threshold = 0.2, recoveryThreshold = 0.3 }, "condition.threshold" },
        { "condition", new { kind = "percent_change", threshold = 0 }, "condition.threshold" },
        { "condition", new { kind = "sideways", threshold = 1 }, "condition.kind" },
        { "condition", new { kind = "above" }, "condition.threshold" },
        { "condition", null, "condition" },
        { "windowMinutes", 0, "windowMinutes" },
        { "windowMinutes", 50_000, "windowMinutes" },
        { "forMinutes", -1, "forMinutes" },
        { "renotifyMinutes", 1, "renotifyMinutes" },
        { "severity", "apocalyptic", "severity" },
        { "noDataState", "panic", "noDataState" },
        { "name", "", "name" },
        { "query", new { metric = "top_failing_jobs" }, "query.metric" },
        { "query", new { metric = "no_such_metric" }, "query.metric" },
        { "query", new { metric = "failure_rate", bucket = "hour" }, "query.bucket" },
        { "query", new { metric = "failure_rate", groupBy = "category" }, "query.groupBy" },
        { "query", new { metric = "broken_for", filters = new { branch = "main" } }, "query.filters.branch" },
        { "query", new { metric = "failure_rate", groupBy = "repository", alsoGroupBy = new[] { "pipeline", "weather" } }, "query.alsoGroupBy[1]" },
        { "query", new { metric = "broken_for", groupBy = "repository", alsoGroupBy = new[] { "job" } }, "query.alsoGroupBy[0]" },
        { "query", new { metric = "failure_rate", groupBy = "repository", alsoGroupBy = new[] { "pipeline", "repository" } }, "query.alsoGroupBy" },
        { "query", new { metric = "failure_rate", alsoGroupBy = new[] { "pipeline" } }, "query.alsoGroupBy" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task Bad_rules_are_refused_by_field_and_nothing_is_stored(string field, object? value, string errorField)
    {
        var owner = await OwnerAsync();
        var response = await owner.PostAsync("/api/v1/alerts/rules", Rule(r => r[field] = value));
        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorField, out _), problem.ToString());
        Assert.Empty((await owner.JsonAsync("/api/v1/alerts/rules")).EnumerateArray());
    }

    public static TheoryData<object, string> BadChannels => new()
    {
        { new { name = "x", kind = "webhook", url = "ftp://example.com/hook" }, "url" },
        { new { name = "x", kind = "webhook", url = "not a url" }, "url" },
        { new { name = "x", kind = "webhook", url = "https://user:pw@example.com/hook" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://127.0.0.1:5080/api/v1/alerts/rules" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://localhost/" }, "url" },
        { new { name = "x", kind = "slack", url = "http://169.254.169.254/latest/meta-data/" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://[::1]:8080/" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://[::ffff:127.0.0.1]/" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://10.1.2.3/" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://192.168.1.1/" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://0.0.0.0/" }, "url" },
        { new { name = "x", kind = "webhook", url = "http://nowhere.invalid/" }, "url" },
        { new { name = "x", kind = "email", recipients = Array.Empty<string>() }, "recipients" },
        { new { name = "x", kind = "email", recipients = new[] { "not-an-address" } }, "recipients[0]" },
        { new { name = "x", kind = "email", url = "https://example.com", recipients = new[] { "a@example.com" } }, "url" },
        { new { name = "x", kind = "pager" }, "kind" },
        { new { name = "", kind = "slack", url = "https://hooks.slack.com/services/T/B/x" }, "name" },
    };

    [Theory]
    [MemberData(nameof(BadChannels))]
    public async Task Bad_channels_are_refused_and_nothing_is_stored(object channel, string errorField)
    {
        var owner = await OwnerAsync();
        var problem = await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/alerts/channels", channel), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(errorField, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Empty((await owner.JsonAsync("/api/v1/alerts/channels")).EnumerateArray());
    }

    [Fact]
    public async Task The_ssrf_refusal_says_why()
    {
        var owner = await OwnerAsync();
        var problem = await ProblemAssert.IsProblemAsync(
            await owner.PostAsync("/api/v1/alerts/channels", new { name = "meta", kind = "webhook", url = "http://169.254.169.254/" }), 400);
        Assert.Contains("link-local", problem.GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Fact]
    public async Task A_bad_update_leaves_the_rule_as_it_was_and_bad_history_filters_are_refused()
    {
        var owner = await OwnerAsync();
        var created = await owner.PostAsync("/api/v1/alerts/rules", Rule());
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = rule.GetProperty("id").GetGuid();

        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Put, $"/api/v1/alerts/rules/{id}",
            Rule(r => r["condition"] = new { kind = "below", threshold = 0.2, recoveryThreshold = 0.1 })), 400);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Put, $"/api/v1/alerts/rules/{id}",
            Rule(r => r["channelIds"] = new[] { Guid.NewGuid() })), 400);
        var after = await owner.JsonAsync($"/api/v1/alerts/rules/{id}");
        Assert.Equal(rule.GetProperty("condition").ToString(), after.GetProperty("condition").ToString());
        Assert.Equal(rule.GetProperty("updatedAt").GetDateTimeOffset(), after.GetProperty("updatedAt").GetDateTimeOffset());

        await ProblemAssert.IsProblemAsync(await owner.PostAsync($"/api/v1/alerts/rules/{id}/mute", new { minutes = -5 }), 400);
        await ProblemAssert.IsProblemAsync(await owner.PostAsync($"/api/v1/alerts/rules/{id}/mute", new { minutes = 100_000 }), 400);
        await ProblemAssert.IsProblemAsync(await owner.PostAsync($"/api/v1/alerts/rules/{id}/test", new { }), 409);
        foreach (var query in new[] { "kind=gossip", "state=sleepy", "limit=0", "limit=201", "cursor=abc", "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z" })
            await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/v1/alerts/history?{query}"), 400);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/v1/alerts/rules/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task The_preview_shows_the_value_now_and_the_metric_over_recent_hours()
    {
        var owner = await OwnerAsync();
        var (key, _) = await Teams.KeyAsync(owner, "ingest");
        var finished = DateTimeOffset.UtcNow.AddMinutes(-2);
        var events = Enumerable.Range(0, 4).Select(i => (object)new
        {
            type = "job", provider = "api", externalId = $"p-{i}", attempt = 1, runExternalId = "p", repository = "acme/api", pipeline = "CI",
            branch = "main", name = $"job-{i}", status = i == 0 ? "failure" : "success", queuedAt = finished.AddMinutes(-3),
            startedAt = finished.AddMinutes(-2), finishedAt = finished,
        }).ToArray();
        (await key.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();

        var response = await owner.PostAsync("/api/v1/alerts/rules/preview", Rule(r => r["query"] = new { metric = "failure_rate", groupBy = "repository" }));
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, preview.ToString());
        var current = preview.GetProperty("current").EnumerateArray().Single();
        Assert.Equal("acme/api", current.GetProperty("group").GetString());
        Assert.Equal(0.25, current.GetProperty("value").GetDouble());
        Assert.True(current.GetProperty("breaching").GetBoolean());
        Assert.Equal("hour", preview.GetProperty("history").GetProperty("bucket").GetString());
        Assert.Equal(0.2, preview.GetProperty("threshold").GetDouble());
        Assert.Contains(preview.GetProperty("history").GetProperty("series")[0].GetProperty("points").EnumerateArray(),
            p => p.GetProperty("value").ValueKind == JsonValueKind.Number && p.GetProperty("value").GetDouble() == 0.25);

        var state = await (await owner.PostAsync("/api/v1/alerts/rules/preview",
            Rule(r => r["query"] = new { metric = "broken_for", groupBy = "pipeline" }))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, state.GetProperty("history").ValueKind);

        var bad = await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/alerts/rules/preview", Rule(r => r["windowMinutes"] = null)), 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("windowMinutes", out _));
        Assert.Empty((await owner.JsonAsync("/api/v1/alerts/rules")).EnumerateArray());
    }

    [Fact]
    public async Task A_rule_grouped_by_repository_and_pipeline_keeps_pipelines_of_the_same_name_apart()
    {
        var owner = await OwnerAsync();
        var (key, _) = await Teams.KeyAsync(owner, "ingest");
        var finished = DateTimeOffset.UtcNow.AddMinutes(-2);
        var events = new[] { "acme/api", "acme/web" }.Select((repository, i) => (object)new
        {
            type = "job", provider = "api", externalId = $"g-{i}", attempt = 1, runExternalId = $"g-{i}", repository, pipeline = "CI",
            branch = "main", name = "build", status = i == 0 ? "failure" : "success", queuedAt = finished.AddMinutes(-3),
            startedAt = finished.AddMinutes(-2), finishedAt = finished,
        }).ToArray();
        (await key.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
        var query = new { metric = "failure_rate", groupBy = "repository", alsoGroupBy = new[] { "pipeline" } };

        var response = await owner.PostAsync("/api/v1/alerts/rules/preview", Rule(r => r["query"] = query));
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, preview.ToString());
        var current = preview.GetProperty("current").EnumerateArray()
            .ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("value").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["acme/api\u001fCI"] = 1, ["acme/web\u001fCI"] = 0 }, current);

        var created = await owner.PostAsync("/api/v1/alerts/rules", Rule(r => r["query"] = query));
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.IsSuccessStatusCode, rule.ToString());
        var stored = await owner.JsonAsync($"/api/v1/alerts/rules/{rule.GetProperty("id").GetString()}");
        Assert.Equal(["pipeline"], stored.GetProperty("query").GetProperty("alsoGroupBy").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Deleting_a_channel_takes_it_off_its_rules()
    {
        var owner = await OwnerAsync();
        var channel = await (await owner.PostAsync("/api/v1/alerts/channels", new { name = "mail", kind = "email", recipients = new[] { "a@example.com" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var channelId = channel.GetProperty("id").GetGuid();
        var rule = await (await owner.PostAsync("/api/v1/alerts/rules", Rule(r => r["channelIds"] = new[] { channelId })))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/alerts/channels/{channelId}")).StatusCode);
        Assert.Empty((await owner.JsonAsync($"/api/v1/alerts/rules/{rule.GetProperty("id")}")).GetProperty("channelIds").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Delete, $"/api/v1/alerts/channels/{channelId}"), 404);
    }

    [Fact]
    public async Task Rules_channels_and_history_belong_to_their_tenant()
    {
        var first = await OwnerAsync();
        var second = await OwnerAsync();
        var channel = await (await first.PostAsync("/api/v1/alerts/channels", new { name = "mail", kind = "email", recipients = new[] { "a@example.com" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var channelId = channel.GetProperty("id").GetGuid();
        var rule = await (await first.PostAsync("/api/v1/alerts/rules", Rule(r => r["channelIds"] = new[] { channelId })))
            .Content.ReadFromJsonAsync<JsonElement>();
        var ruleId = rule.GetProperty("id").GetGuid();
        await first.PostAsync($"/api/v1/alerts/rules/{ruleId}/mute", new { minutes = 5 });

        Assert.Empty((await second.JsonAsync("/api/v1/alerts/rules")).EnumerateArray());
        Assert.Empty((await second.JsonAsync("/api/v1/alerts/channels")).EnumerateArray());
        Assert.Empty((await second.JsonAsync("/api/v1/alerts/history")).GetProperty("items").EnumerateArray());
        Assert.Empty((await second.JsonAsync($"/api/v1/alerts/history?ruleId={ruleId}")).GetProperty("items").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await second.GetAsync($"/api/v1/alerts/rules/{ruleId}"), 404);
        await ProblemAssert.IsProblemAsync(await second.SendAsync(HttpMethod.Put, $"/api/v1/alerts/rules/{ruleId}", Rule()), 404);
        await ProblemAssert.IsProblemAsync(await second.SendAsync(HttpMethod.Delete, $"/api/v1/alerts/rules/{ruleId}"), 404);
        await ProblemAssert.IsProblemAsync(await second.PostAsync($"/api/v1/alerts/rules/{ruleId}/mute", new { minutes = 0 }), 404);
        await ProblemAssert.IsProblemAsync(await second.PostAsync($"/api/v1/alerts/rules/{ruleId}/test", new { }), 404);
        await ProblemAssert.IsProblemAsync(await second.PostAsync($"/api/v1/alerts/rules/{ruleId}/acknowledge", new { }), 404);
        await ProblemAssert.IsProblemAsync(await second.SendAsync(HttpMethod.Delete, $"/api/v1/alerts/channels/{channelId}"), 404);
        await ProblemAssert.IsProblemAsync(await second.PostAsync($"/api/v1/alerts/channels/{channelId}/test", new { }), 404);
        // Another tenant's channel id is unknown here.
        await ProblemAssert.IsProblemAsync(await second.PostAsync("/api/v1/alerts/rules", Rule(r => r["channelIds"] = new[] { channelId })), 400);

        var still = await first.JsonAsync($"/api/v1/alerts/rules/{ruleId}");
        Assert.NotEqual(JsonValueKind.Null, still.GetProperty("mutedUntil").ValueKind);
        Assert.Single((await first.JsonAsync("/api/v1/alerts/channels")).EnumerateArray());
    }

    [Fact]
    public async Task Viewers_and_read_keys_read_alerts_but_cannot_change_them()
    {
        var owner = await OwnerAsync();
        var rule = await (await owner.PostAsync("/api/v1/alerts/rules", Rule())).Content.ReadFromJsonAsync<JsonElement>();
        var id = rule.GetProperty("id").GetGuid();
        var (viewer, _, _) = await Teams.JoinAsync(owner, "viewer");
        var (readKey, _) = await Teams.KeyAsync(owner, "read");

        Assert.Single((await viewer.JsonAsync("/api/v1/alerts/rules")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await readKey.GetAsync("/api/v1/alerts/history")).StatusCode);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync("/api/v1/alerts/rules", Rule()), 403);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync($"/api/v1/alerts/rules/{id}/mute", new { minutes = 5 }), 403);
        await ProblemAssert.IsProblemAsync(await viewer.SendAsync(HttpMethod.Delete, $"/api/v1/alerts/rules/{id}"), 403);
        await ProblemAssert.IsProblemAsync(await readKey.PostAsJsonAsync("/api/v1/alerts/channels",
            new { name = "x", kind = "email", recipients = new[] { "a@example.com" } }), 403);
        var channel = await (await owner.PostAsync("/api/v1/alerts/channels", new { name = "mail", kind = "email", recipients = new[] { "a@example.com" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var channelId = channel.GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await viewer.SendAsync(HttpMethod.Put, $"/api/v1/alerts/rules/{id}", Rule()), 403);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync($"/api/v1/alerts/rules/{id}/acknowledge", new { }), 403);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync($"/api/v1/alerts/rules/{id}/test", new { }), 403);
        await ProblemAssert.IsProblemAsync(await viewer.SendAsync(HttpMethod.Delete, $"/api/v1/alerts/channels/{channelId}"), 403);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync($"/api/v1/alerts/channels/{channelId}/test", new { }), 403);
        Assert.Equal(HttpStatusCode.OK, (await viewer.PostAsync("/api/v1/alerts/rules/preview", Rule())).StatusCode);

        var (ingestKey, _) = await Teams.KeyAsync(owner, "ingest");
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress };
        foreach (var path in new[] { "/api/v1/alerts/rules", $"/api/v1/alerts/rules/{id}", "/api/v1/alerts/templates", "/api/v1/alerts/channels", "/api/v1/alerts/history" })
        {
            await ProblemAssert.IsProblemAsync(await anonymous.GetAsync(path), 401);
            await ProblemAssert.IsProblemAsync(await ingestKey.GetAsync(path), 403);
        }

        await ProblemAssert.IsProblemAsync(await ingestKey.PostAsJsonAsync("/api/v1/alerts/rules/preview", Rule()), 403);
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/alerts/rules/preview", Rule()), 401);
        Assert.Single((await owner.JsonAsync("/api/v1/alerts/rules")).EnumerateArray());
        Assert.Single((await owner.JsonAsync("/api/v1/alerts/channels")).EnumerateArray());
    }
}
