using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>The metrics query and dashboards over HTTP: caching, invalidation, bad input, permissions and tenant isolation.</summary>
public sealed partial class AnalyticsApiTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private RunningApi Api => fixture.Api;

    private async Task<(ApiSession Owner, HttpClient Key)> TenantAsync(string repository = "acme/api", int failures = 2)
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("metrics"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        await IngestAsync(key, repository, "r1", failures);
        return (owner, key);
    }

    private static async Task IngestAsync(HttpClient key, string repository, string runId, int failures, int successes = 3)
    {
        var events = Enumerable.Range(0, failures + successes).Select(i => (object)new
        {
            type = "job", provider = "api", externalId = $"{runId}-{i}", attempt = 1, runExternalId = runId, repository, pipeline = "CI",
            branch = "main", name = $"job-{i}", status = i < failures ? "failure" : "success", queuedAt = T0, startedAt = T0.AddMinutes(1),
            finishedAt = T0.AddMinutes(5),
        }).ToArray();
        (await key.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
    }

    private static object Failures(string? repository = null) =>
        new { metric = "failures", from = T0.AddDays(-1), to = T0.AddDays(1), filters = new { repository } };

    private static async Task<(double Value, string? Cache)> FailuresAsync(HttpClient client, string? repository = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/metrics/query", Failures(repository));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return (body.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value").GetDouble(),
            response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null);
    }

    private static async Task<long> ComputationsAsync(RunningApi api)
    {
        var text = await api.Client.GetStringAsync("/health/metrics");
        // The counter appears with the first computation.
        return ComputationsLine().Match(text) is { Success: true } line
            ? long.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    [GeneratedRegex(@"^faultline_query_cache_computations_total(?:\{[^}]*\})? (\d+)", RegexOptions.Multiline)]
    private static partial Regex ComputationsLine();

    [Fact]
    public async Task A_query_misses_then_hits_and_ingest_makes_the_next_answer_fresh()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        Assert.Equal((2, "miss"), await FailuresAsync(key));
        Assert.Equal((2, "hit"), await FailuresAsync(key));

        await IngestAsync(key, "acme/api", "r2", failures: 3);
        Assert.Equal((5, "miss"), await FailuresAsync(key));
        Assert.Equal((5, "hit"), await FailuresAsync(key));

        // A re-delivery changes nothing, so the cached answer stays valid.
        await IngestAsync(key, "acme/api", "r2", failures: 3);
        Assert.Equal((5, "hit"), await FailuresAsync(key));
    }

    [Fact]
    public async Task Fifty_concurrent_identical_cold_queries_on_two_instances_compute_once()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        await using var second = await RunningApi.StartAsync(sharedDatabase: Api.Database);
        using var keyOnSecond = new HttpClient { BaseAddress = second.BaseAddress };
        keyOnSecond.DefaultRequestHeaders.Authorization = key.DefaultRequestHeaders.Authorization;
        var before = await ComputationsAsync(Api) + await ComputationsAsync(second);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => FailuresAsync(i % 2 == 0 ? key : keyOnSecond)));

        Assert.All(results, r => Assert.Equal(2, r.Value));
        Assert.Equal(1, await ComputationsAsync(Api) + await ComputationsAsync(second) - before);
    }

    [Fact]
    public async Task Tenants_never_share_results_even_for_the_same_query()
    {
        var (ownerA, keyA) = await TenantAsync("acme/api", failures: 2);
        var (ownerB, keyB) = await TenantAsync("acme/api", failures: 4);
        using var a = ownerA;
        using var b = ownerB;
        Assert.Equal(2, (await FailuresAsync(keyA, "acme/api")).Value);
        Assert.Equal((4, "miss"), await FailuresAsync(keyB, "acme/api"));
        Assert.Equal((2, "hit"), await FailuresAsync(keyA, "acme/api"));

        var dashboards = await a.JsonAsync("/api/v1/dashboards");
        var id = dashboards[0].GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await b.GetAsync($"/api/v1/dashboards/{id}"), 404);
        await ProblemAssert.IsProblemAsync(await b.GetAsync($"/api/v1/dashboards/{id}/data"), 404);
        await ProblemAssert.IsProblemAsync(await b.SendAsync(HttpMethod.Put, $"/api/v1/dashboards/{id}", new { name = "mine", widgets = Array.Empty<object>() }), 404);
        var copy = await a.PostAsync("/api/v1/dashboards", new { templateId = "cost" });
        var copyId = (await copy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await b.SendAsync(HttpMethod.Delete, $"/api/v1/dashboards/{copyId}"), 404);
        Assert.DoesNotContain((await b.JsonAsync("/api/v1/dashboards")).EnumerateArray(), d => d.GetProperty("id").GetGuid() == copyId);
        Assert.Equal("Cost of failures", (await a.JsonAsync($"/api/v1/dashboards/{copyId}")).GetProperty("name").GetString());
        Assert.Equal("Reliability overview", (await a.JsonAsync($"/api/v1/dashboards/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task When_redis_stops_mid_test_queries_still_answer_correctly_from_postgres()
    {
        var port = Faultline.TestSupport.TestStack.ClosedPort();
        using var redis = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("redis-server",
            $"--bind 127.0.0.1 --port {port} --save \"\" --appendonly no") { RedirectStandardOutput = true })!;
        await using var instance = await RunningApi.StartAsync(redis: $"127.0.0.1:{port},connectTimeout=500", sharedDatabase: Api.Database);
        using var owner = new ApiSession(instance);
        await owner.SignUpAsync(Emails.New("redisdown"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        await IngestAsync(key, "acme/api", "r1", failures: 2);
        Assert.Equal((2, "miss"), await FailuresAsync(key));
        Assert.Equal((2, "hit"), await FailuresAsync(key));

        redis.Kill();
        await redis.WaitForExitAsync();
        await IngestAsync(key, "acme/api", "r2", failures: 1);
        Assert.Equal((3, "miss"), await FailuresAsync(key));
        Assert.Equal((3, "miss"), await FailuresAsync(key));
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { """{"metric":"nope","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z"}""", "spec.metric" },
        { """{"metric":"jobs","from":"2026-11-02T00:00:00Z","to":"2026-11-01T00:00:00Z"}""", "to" },
        { """{"metric":"jobs","from":"2020-11-02T00:00:00Z","to":"2026-11-01T00:00:00Z"}""", "to" },
        { """{"metric":"jobs","from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","bucket":"hour"}""", "to" },
        { """{"metric":"jobs","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","bucket":"minute"}""", "spec.bucket" },
        { """{"metric":"mttr","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","groupBy":"job"}""", "spec.groupBy" },
        { """{"metric":"jobs","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","filters":{"category":"test"}}""", "spec.filters.category" },
        { """{"metric":"failures","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","filters":{"provider":"circleci"}}""", "spec.filters.provider" },
        { """{"metric":"jobs","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","top":0}""", "spec.top" },
        { """{"metric":"incidents","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","bucket":"day"}""", "spec.bucket" },
        { """{"metric":"jobs","to":"2026-11-02T00:00:00Z"}""", "from" },
        { """{"metric":"jobs","from":"2026-11-02T00:00:00Z"}""", "to" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_a_validation_problem_naming_the_field(string json, string field)
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var response = await key.PostAsync("/api/v1/metrics/query", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Reading_metrics_needs_the_read_scope_and_editing_dashboards_needs_an_editor()
    {
        var (owner, _) = await TenantAsync();
        using var _o = owner;
        var (ingestOnly, _) = await Teams.KeyAsync(owner, "ingest");
        await ProblemAssert.IsProblemAsync(await ingestOnly.PostAsJsonAsync("/api/v1/metrics/query", Failures()), 403);
        await ProblemAssert.IsProblemAsync(await Api.Client.PostAsJsonAsync("/api/v1/metrics/query", Failures()), 401);

        foreach (var path in new[] { "/api/v1/metrics/catalog", "/api/v1/dashboards", "/api/v1/dashboards/templates", $"/api/v1/dashboards/{Guid.NewGuid()}/data" })
            await ProblemAssert.IsProblemAsync(await Api.Client.GetAsync(path), 401);
        await ProblemAssert.IsProblemAsync(await ingestOnly.GetAsync("/api/v1/dashboards"), 403);

        var (viewer, _, _) = await Teams.JoinAsync(owner, "viewer");
        using var _v = viewer;
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/dashboards")).StatusCode);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync("/api/v1/dashboards", new { templateId = "cost" }), 403);
        var id = (await viewer.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await viewer.SendAsync(HttpMethod.Put, $"/api/v1/dashboards/{id}", new { name = "x", widgets = Array.Empty<object>() }), 403);
        await ProblemAssert.IsProblemAsync(await viewer.SendAsync(HttpMethod.Delete, $"/api/v1/dashboards/{id}"), 403);
    }

    [Fact]
    public async Task Dashboards_are_created_from_templates_edited_and_deleted_but_the_default_stays()
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var list = await owner.JsonAsync("/api/v1/dashboards");
        Assert.True(list[0].GetProperty("isDefault").GetBoolean());
        var defaultId = list[0].GetProperty("id").GetGuid();

        var templates = await owner.JsonAsync("/api/v1/dashboards/templates");
        Assert.True(templates.GetArrayLength() >= 3);

        var created = await owner.PostAsync("/api/v1/dashboards", new { templateId = "flaky" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dashboard = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dashboard.GetProperty("id").GetGuid();
        Assert.Equal("Flaky tests", dashboard.GetProperty("name").GetString());

        var data = await owner.JsonAsync($"/api/v1/dashboards/{id}/data?from={Uri.EscapeDataString(T0.AddDays(-2).ToString("O"))}&to={Uri.EscapeDataString(T0.AddDays(2).ToString("O"))}&repository=acme/api");
        Assert.Equal(dashboard.GetProperty("widgets").GetArrayLength(), data.GetProperty("widgets").GetArrayLength());
        Assert.All(data.GetProperty("widgets").EnumerateArray(), w => Assert.Equal(JsonValueKind.Null, w.GetProperty("error").ValueKind));

        var widgets = new object[]
        {
            new { id = "rate", title = "Failure rate", chart = "line", query = new { metric = "failure_rate", bucket = "hour" }, layout = new { x = 0, y = 0, w = 12, h = 4 } },
        };
        var updated = await owner.SendAsync(HttpMethod.Put, $"/api/v1/dashboards/{id}", new { name = "Mine", widgets });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var reread = await owner.JsonAsync($"/api/v1/dashboards/{id}");
        Assert.Equal("Mine", reread.GetProperty("name").GetString());
        Assert.Equal("hour", reread.GetProperty("widgets")[0].GetProperty("query").GetProperty("bucket").GetString());

        // Hourly buckets over 30 days are made daily rather than refused.
        var month = await owner.JsonAsync($"/api/v1/dashboards/{id}/data?from={Uri.EscapeDataString(T0.AddDays(-30).ToString("O"))}&to={Uri.EscapeDataString(T0.ToString("O"))}");
        Assert.Equal("day", month.GetProperty("widgets")[0].GetProperty("result").GetProperty("bucket").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/dashboards/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/v1/dashboards/{id}"), 404);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Delete, $"/api/v1/dashboards/{defaultId}"), 409);
    }

    public static TheoryData<string, string> BadDashboards() => new()
    {
        { """{"name":""}""", "name" },
        { """{"templateId":"nope"}""", "templateId" },
        { """{"name":"x","widgets":[{"id":"a","title":"A","chart":"donut","query":{"metric":"jobs"},"layout":{"x":0,"y":0,"w":4,"h":2}}]}""", "widgets[0].chart" },
        { """{"name":"x","widgets":[{"id":"a","title":"A","chart":"line","query":{"metric":"jobs"},"layout":{"x":10,"y":0,"w":4,"h":2}}]}""", "widgets[0].layout" },
        { """{"name":"x","widgets":[{"id":"a","title":"A","chart":"line","query":{"metric":"nope"},"layout":{"x":0,"y":0,"w":4,"h":2}}]}""", "widgets[0].query.metric" },
        { """{"name":"x","widgets":[{"id":"a","title":"A","chart":"line","query":{"metric":"incidents"},"layout":{"x":0,"y":0,"w":4,"h":2}}]}""", "widgets[0].chart" },
        { """{"name":"x","widgets":[{"id":"a","title":"A","chart":"line","query":{"metric":"jobs"},"layout":{"x":0,"y":0,"w":4,"h":2}},{"id":"a","title":"B","chart":"line","query":{"metric":"jobs"},"layout":{"x":4,"y":0,"w":4,"h":2}}]}""", "widgets" },
        { """{"name":"x","widgets":[{"id":"a b","title":"A","chart":"line","query":{"metric":"jobs"},"layout":{"x":0,"y":0,"w":4,"h":2}}]}""", "widgets[0].id" },
    };

    [Theory]
    [MemberData(nameof(BadDashboards))]
    public async Task A_bad_dashboard_is_refused_and_nothing_is_stored(string json, string field)
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var before = (await owner.JsonAsync("/api/v1/dashboards")).GetArrayLength();
        var response = await owner.SendAsync(HttpMethod.Post, "/api/v1/dashboards", JsonDocument.Parse(json).RootElement);
        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, (await owner.JsonAsync("/api/v1/dashboards")).GetArrayLength());
    }

    [Fact]
    public async Task The_catalog_lists_every_metric_with_what_it_can_be_filtered_and_grouped_by()
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var catalog = (await owner.JsonAsync("/api/v1/metrics/catalog")).EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.Equal(16, catalog.Count);
        Assert.False(catalog["broken_for"].GetProperty("bucketed").GetBoolean());
        Assert.True(catalog["flaky_commits"].GetProperty("bucketed").GetBoolean());
        Assert.Equal(["repository", "pipeline"], catalog["mttr"].GetProperty("groupBys").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("table", catalog["incidents"].GetProperty("shape").GetString());
        Assert.Equal("usd", catalog["failure_cost"].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_bad_update_is_refused_and_the_dashboard_stays_as_it_was()
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var id = (await owner.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
        var before = (await owner.JsonAsync($"/api/v1/dashboards/{id}")).GetRawText();

        var noWidgets = await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Put, $"/api/v1/dashboards/{id}", new { name = "Renamed" }), 400);
        Assert.True(noWidgets.GetProperty("errors").TryGetProperty("widgets", out _));
        var badWidget = new { id = "a", title = "A", chart = "line", query = new { metric = "jobs", groupBy = "category" }, layout = new { x = 0, y = 0, w = 4, h = 2 } };
        var badGroup = await ProblemAssert.IsProblemAsync(
            await owner.SendAsync(HttpMethod.Put, $"/api/v1/dashboards/{id}", new { name = "Renamed", widgets = new[] { badWidget } }), 400);
        Assert.True(badGroup.GetProperty("errors").TryGetProperty("widgets[0].query.groupBy", out _), badGroup.ToString());

        Assert.Equal(before, (await owner.JsonAsync($"/api/v1/dashboards/{id}")).GetRawText());
    }

    [Fact]
    public async Task Dashboard_data_refuses_bad_ranges_and_filters()
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var id = (await owner.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/v1/dashboards/{id}/data?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"), 400);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/v1/dashboards/{id}/data?provider=circleci"), 400);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync($"/api/v1/dashboards/{Guid.NewGuid()}/data"), 404);
    }
}
