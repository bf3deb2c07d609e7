using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>POST /api/v1/events against the real PostgreSQL: idempotence, ordering, partial batches, rollups.</summary>
public sealed class IngestionTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private RunningApi Api => fixture.Api;

    /// <summary>A fresh tenant with an ingest key; returns the key's client and the tenant's schema.</summary>
    private async Task<(HttpClient Key, string Schema)> TenantAsync(params string[] scopes)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("ingest"));
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var (key, _) = await Teams.KeyAsync(owner, scopes.Length == 0 ? ["ingest", "read"] : scopes);
        return (key, schema);
    }

    internal static object Run(string id, string status = "failure", int attempt = 1, DateTimeOffset? finishedAt = null) => new
    {
        type = "run", provider = "github", externalId = id, attempt, repository = "acme/api", pipeline = "CI", branch = "main",
        defaultBranch = "main", commitSha = "abc123", trigger = "push", actor = "ann", status,
        queuedAt = T0, startedAt = T0.AddMinutes(1), finishedAt = status == "running" ? (DateTimeOffset?)null : finishedAt ?? T0.AddMinutes(11),
    };

    internal static object Job(string id, string runId, string name, string status, DateTimeOffset? startedAt = null, DateTimeOffset? finishedAt = null,
        int attempt = 1) => new
    {
        type = "job", provider = "github", externalId = id, attempt, runExternalId = runId, repository = "acme/api", pipeline = "CI",
        branch = "main", commitSha = "abc123", name, runner = "ubuntu-latest", status, queuedAt = T0.AddMinutes(1),
        startedAt = startedAt ?? T0.AddMinutes(2), finishedAt = status is "running" or "in_progress" ? (DateTimeOffset?)null : finishedAt ?? T0.AddMinutes(7),
    };

    private static async Task<JsonElement> PostAsync(HttpClient key, object[] events, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await key.PostAsJsonAsync("/api/v1/events", events);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private Task<long> CountAsync(string sql) => Api.Database.ScalarAsync<long>(sql);

    [Fact]
    public async Task A_batch_is_stored_and_sending_it_again_changes_nothing()
    {
        var (key, schema) = await TenantAsync();
        object[] batch = [Run("100"), Job("1001", "100", "build", "success"), Job("1002", "100", "test", "failure")];

        var first = await PostAsync(key, batch);
        var rollupsBefore = await Api.Database.ScalarAsync<string>($"SELECT string_agg(job_name || status || jobs || ':' || duration_ms, ',' ORDER BY job_name) FROM {schema}.job_rollups_hourly");
        var second = await PostAsync(key, batch);

        Assert.Equal(3, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(3, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM {schema}.pipeline_runs"));
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM {schema}.job_runs WHERE run_id IS NOT NULL"));
        Assert.Equal("buildsuccess1:300000,testfailure1:300000", rollupsBefore);
        Assert.Equal(rollupsBefore, await Api.Database.ScalarAsync<string>($"SELECT string_agg(job_name || status || jobs || ':' || duration_ms, ',' ORDER BY job_name) FROM {schema}.job_rollups_hourly"));
    }

    [Fact]
    public async Task Jobs_may_arrive_before_their_run_and_finish_before_they_start()
    {
        var (key, schema) = await TenantAsync();

        // The finish arrives first, with no start time; then the run; then the late "started" event.
        await PostAsync(key, [new
        {
            type = "job", provider = "github", externalId = "2001", runExternalId = "200", repository = "acme/api", pipeline = "CI",
            branch = "main", name = "build", status = "failure", finishedAt = T0.AddMinutes(9),
        }]);
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM {schema}.job_runs WHERE run_id IS NULL"));

        await PostAsync(key, [Run("200")]);
        await PostAsync(key, [Job("2001", "200", "build", "in_progress", startedAt: T0.AddMinutes(3))]);

        Assert.Equal("failure", await Api.Database.ScalarAsync<string>($"SELECT status FROM {schema}.job_runs WHERE external_id = '2001'"));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM {schema}.job_runs j JOIN {schema}.pipeline_runs r ON r.id = j.run_id WHERE j.started_at = '{T0.AddMinutes(3):O}' AND j.finished_at = '{T0.AddMinutes(9):O}'"));
        // Once started, the duration in the rollup is the real one: 6 minutes.
        Assert.Equal(360_000L, await CountAsync($"SELECT sum(duration_ms)::bigint FROM {schema}.job_rollups_hourly WHERE job_name = 'build'"));
        Assert.Equal(1L, await CountAsync($"SELECT sum(jobs)::bigint FROM {schema}.job_rollups_hourly WHERE job_name = 'build'"));
    }

    [Fact]
    public async Task A_status_change_moves_the_job_between_rollup_buckets_without_double_counting()
    {
        var (key, schema) = await TenantAsync();
        await PostAsync(key, [Run("300"), Job("3001", "300", "deploy", "failure")]);

        await PostAsync(key, [Job("3001", "300", "deploy", "success")]);

        Assert.Equal(0L, await CountAsync($"SELECT coalesce(sum(jobs), 0)::bigint FROM {schema}.job_rollups_hourly WHERE status = 'failure'"));
        Assert.Equal(1L, await CountAsync($"SELECT sum(jobs)::bigint FROM {schema}.job_rollups_hourly WHERE status = 'success'"));
    }

    [Fact]
    public async Task Good_items_are_committed_and_bad_ones_reported_one_by_one()
    {
        var (key, schema) = await TenantAsync();
        object[] batch =
        [
            Run("400"),
            new { type = "run", provider = "github", externalId = "401", repository = "acme/api", pipeline = "CI", branch = "main", status = "exploded" },
            Job("4001", "400", "lint", "success"),
            new { type = "job", provider = "bitbucket", externalId = "4002" },
            new { type = "job", provider = "github", externalId = "4003", runExternalId = "400", repository = "acme/api", pipeline = "CI", branch = "main", name = "x", status = "success", startedAt = T0.AddMinutes(5), finishedAt = T0 },
        ];

        var result = await PostAsync(key, batch);

        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected").GetInt32());
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains("exploded", items[1].GetProperty("reason").GetString());
        Assert.Contains("provider", items[3].GetProperty("reason").GetString());
        Assert.Contains("queuedAt ≤ startedAt ≤ finishedAt", items[4].GetProperty("reason").GetString());
        Assert.Equal(2L, await CountAsync($"SELECT (SELECT count(*) FROM {schema}.pipeline_runs) + (SELECT count(*) FROM {schema}.job_runs)"));
    }

    [Fact]
    public async Task A_batch_with_no_valid_item_is_a_422_and_writes_nothing()
    {
        var (key, schema) = await TenantAsync();

        var problem = await PostAsync(key, [new { type = "run" }, new { type = "job", provider = "github" }], HttpStatusCode.UnprocessableEntity);

        Assert.Equal(2, problem.GetProperty("items").GetArrayLength());
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM {schema}.repositories"));
    }

    [Fact]
    public async Task Ndjson_is_accepted_and_a_malformed_line_is_rejected_alone()
    {
        var (key, schema) = await TenantAsync();
        var body = string.Join('\n', JsonSerializer.Serialize(Run("500"), JsonSerializerOptions.Web), "{not json", "",
            JsonSerializer.Serialize(Job("5001", "500", "build", "success"), JsonSerializerOptions.Web));

        var response = await key.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM {schema}.job_runs"));
    }

    [Fact]
    public async Task Bad_requests_are_clear_problems()
    {
        var (key, _) = await TenantAsync();

        await ProblemAssert.IsProblemAsync(await key.PostAsync("/api/v1/events", new StringContent("[{\"type\":", Encoding.UTF8, "application/json")), 400);
        await ProblemAssert.IsProblemAsync(await key.PostAsync("/api/v1/events", new StringContent("{\"type\":\"run\"}", Encoding.UTF8, "application/json")), 400);
        await ProblemAssert.IsProblemAsync(await key.PostAsync("/api/v1/events", new StringContent("[]", Encoding.UTF8, "application/json")), 400);
        await ProblemAssert.IsProblemAsync(await key.PostAsync("/api/v1/events", new StringContent("run", Encoding.UTF8, "text/plain")), 415);
        var tooMany = Enumerable.Range(0, 5_001).Select(i => Run(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        await ProblemAssert.IsProblemAsync(await key.PostAsJsonAsync("/api/v1/events", tooMany), 413);
    }

    [Fact]
    public async Task Only_the_ingest_permission_may_send_events()
    {
        var (readOnly, _) = await TenantAsync("read");
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress };

        await ProblemAssert.IsProblemAsync(await readOnly.PostAsJsonAsync("/api/v1/events", new[] { Run("600") }), 403);
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/events", new[] { Run("600") }), 401);
    }

    private static IEnumerable<long> Ids(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64());
}
