using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Faultline.WebApi.Tests;

/// <summary>A tenant in New York time holding the generated data set, ingested through the events API.</summary>
public sealed class AnalyticsDataFixture : IAsyncLifetime
{
    public RunningApi Api { get; private set; } = null!;
    public HttpClient Key { get; private set; } = null!;

    /// <summary>The tenant's owner, signed in (dashboards are edited in a session).</summary>
    public ApiSession Owner { get; private set; } = null!;

    public string Schema { get; private set; } = null!;
    internal IReadOnlyList<GeneratedJob> Jobs { get; } = AnalyticsData.Generate();
    internal AnalyticsReference Reference { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await RunningApi.StartAsync();
        var owner = Owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("analytics"));
        Schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        // Before ingesting: daily rollups are kept per local day of the tenant's zone.
        await Api.Database.ScalarAsync<long>($"WITH u AS (UPDATE {Schema}.settings SET time_zone = 'America/New_York' RETURNING 1) SELECT count(*) FROM u");
        (Key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        foreach (var batch in AnalyticsData.Events(Jobs).Chunk(5_000))
            (await Key.PostAsJsonAsync("/api/v1/events", batch)).EnsureSuccessStatusCode();
        Reference = new AnalyticsReference(Jobs, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
    }

    public async Task DisposeAsync()
    {
        Key.Dispose();
        Owner.Dispose();
        await Api.DisposeAsync();
    }
}

/// <summary>
/// Every metric through the rollups (hourly, daily and their mix) and the raw-table queries equals
/// the same metric computed directly from the raw rows, across filters, buckets, group-bys, a
/// daylight-saving change and ranges that do not start or end on a day.
/// </summary>
public sealed class AnalyticsCorrectnessTests(AnalyticsDataFixture data) : IClassFixture<AnalyticsDataFixture>
{
    private static readonly DateTimeOffset Start = AnalyticsData.Start;

    public static TheoryData<string, string?, string?, int, int, string?> SeriesCases()
    {
        var cases = new TheoryData<string, string?, string?, int, int, string?>();
        string[] metrics = ["jobs", "runs", "failures", "failure_rate", "success_rate", "duration_p50", "duration_p95", "queue_time", "failure_cost", "mttr"];
        foreach (var metric in metrics)
        {
            cases.Add(metric, "day", null, 0, 12 * 24, null);              // whole days, across the DST change
            cases.Add(metric, "day", null, 5, 4 * 24 + 17, null);          // partial days at both ends
            cases.Add(metric, "week", "repository", 0, 12 * 24, null);
            cases.Add(metric, null, "pipeline", 13, 30, "repository=acme/api");
            cases.Add(metric, "hour", null, 24 * 5, 36, "provider=github");
        }

        foreach (var metric in metrics.Except(["runs", "mttr"]))
        {
            cases.Add(metric, "day", "job", 3, 7 * 24, "branch=main");     // a branch: hourly rollups only
            cases.Add(metric, "day", "branch", 0, 12 * 24, null);
            cases.Add(metric, null, null, 0, 12 * 24, "job=test;pipeline=CI");
        }

        cases.Add("runs", "day", "branch", 0, 12 * 24, "branch=master");
        cases.Add("mttr", "day", "repository", 0, 12 * 24, "provider=gitlab");
        return cases;
    }

    [Theory]
    [MemberData(nameof(SeriesCases))]
    public async Task A_series_metric_equals_the_metric_computed_from_raw_rows(
        string metric, string? bucket, string? groupBy, int fromHour, int hours, string? filterText)
    {
        var from = Start.AddHours(fromHour);
        var to = from.AddHours(hours);
        var filters = ParseFilters(filterText);
        var result = await QueryAsync(new { metric, from, to, bucket, groupBy, filters, top = 100 });

        var expected = data.Reference.Series(metric, from, to, bucket, groupBy,
            new AnalyticsReference.Filters(filters.GetValueOrDefault("repository"), filters.GetValueOrDefault("pipeline"),
                filters.GetValueOrDefault("job"), filters.GetValueOrDefault("branch"), filters.GetValueOrDefault("provider")));
        var actual = result.GetProperty("series").EnumerateArray().ToDictionary(
            s => s.GetProperty("group").GetString() ?? "",
            s => s.GetProperty("points").EnumerateArray().ToDictionary(
                p => p.GetProperty("at").ValueKind == JsonValueKind.Null ? DateTimeOffset.MinValue : p.GetProperty("at").GetDateTimeOffset(),
                p => p.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("value").GetDouble()));

        Assert.True(expected.Count > 0);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (group, points) in expected)
        {
            Assert.Equal(points.Keys.Order(), actual[group].Keys.Order());
            foreach (var (at, value) in points)
                AssertClose(value ?? (IsCount(metric) ? 0 : null), actual[group][at], $"{metric} {group} {at:O}");
        }
    }

    [Fact]
    public async Task Top_failing_jobs_flaky_jobs_and_incidents_equal_the_raw_computation()
    {
        var from = Start.AddDays(2).AddHours(7);
        var to = Start.AddDays(11);

        var top = await QueryAsync(new { metric = "top_failing_jobs", from, to, top = 100 });
        var expectedTop = data.Reference.TopFailing(from, to);
        Assert.Equal(expectedTop.Count, top.GetProperty("table").GetArrayLength());
        foreach (var row in top.GetProperty("table").EnumerateArray())
        {
            var fields = row.GetProperty("fields");
            var expected = expectedTop.Single(e => e.Repository == fields.GetProperty("repository").GetString()
                                                   && e.Pipeline == fields.GetProperty("pipeline").GetString() && e.Job == fields.GetProperty("job").GetString());
            Assert.Equal(expected.Failures, row.GetProperty("values").GetProperty("failures").GetDouble());
            Assert.Equal(expected.Jobs, row.GetProperty("values").GetProperty("jobs").GetDouble());
        }

        var failures = top.GetProperty("table").EnumerateArray().Select(r => r.GetProperty("values").GetProperty("failures").GetDouble()).ToList();
        Assert.Equal(failures.OrderDescending(), failures);

        var flaky = await QueryAsync(new { metric = "flaky_jobs", from, to, top = 100 });
        var expectedFlaky = data.Reference.Flaky(from, to);
        Assert.NotEmpty(expectedFlaky);
        Assert.Equal(
            expectedFlaky.Select(f => $"{f.Repository}|{f.Pipeline}|{f.Job}|{f.FlakyCommits}|{f.Failures}").Order(),
            flaky.GetProperty("table").EnumerateArray().Select(r =>
                $"{r.GetProperty("fields").GetProperty("repository").GetString()}|{r.GetProperty("fields").GetProperty("pipeline").GetString()}|"
                + $"{r.GetProperty("fields").GetProperty("job").GetString()}|{r.GetProperty("values").GetProperty("flaky_commits").GetDouble()}|"
                + $"{r.GetProperty("values").GetProperty("failures").GetDouble()}").Order());

        var incidents = await QueryAsync(new { metric = "incidents", from, to, top = 100 });
        // The newest 100 (the most a table returns).
        var expectedIncidents = data.Reference.Streaks(from, to).Where(s => s.ResolvedAt is null || s.ResolvedAt >= from)
            .OrderByDescending(s => s.StartedAt).Take(100).ToList();
        Assert.NotEmpty(expectedIncidents);
        Assert.Equal(
            expectedIncidents.Select(s => $"{s.First.Repository}|{s.First.Pipeline}|{s.StartedAt.UtcDateTime:s}|{s.ResolvedAt?.UtcDateTime.ToString("s")}|{s.FailedRuns}").Order(),
            incidents.GetProperty("table").EnumerateArray().Select(r =>
            {
                var f = r.GetProperty("fields");
                return $"{f.GetProperty("repository").GetString()}|{f.GetProperty("pipeline").GetString()}|{f.GetProperty("started_at").GetString()![..19]}|"
                       + $"{f.GetProperty("resolved_at").GetString()?[..19]}|{r.GetProperty("values").GetProperty("failed_runs").GetDouble()}";
            }).Order());
        var started = incidents.GetProperty("table").EnumerateArray().Select(r => r.GetProperty("fields").GetProperty("started_at").GetString()).ToList();
        Assert.Equal(started.OrderDescending(StringComparer.Ordinal), started);
    }

    [Fact]
    public async Task An_empty_range_gives_zero_counts_and_no_rates()
    {
        var from = Start.AddDays(-30);
        var to = from.AddDays(3);
        var jobs = await QueryAsync(new { metric = "jobs", from, to, bucket = "day" });
        Assert.All(jobs.GetProperty("series")[0].GetProperty("points").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("value").GetDouble()));
        // Four New York days are touched by three UTC days.
        Assert.Equal(4, jobs.GetProperty("series")[0].GetProperty("points").GetArrayLength());

        var rate = await QueryAsync(new { metric = "failure_rate", from, to });
        Assert.Equal(JsonValueKind.Null, rate.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value").ValueKind);
        var grouped = await QueryAsync(new { metric = "failures", from, to, groupBy = "repository" });
        Assert.Empty(grouped.GetProperty("series").EnumerateArray());
        var table = await QueryAsync(new { metric = "top_failing_jobs", from, to });
        Assert.Empty(table.GetProperty("table").EnumerateArray());
    }

    [Fact]
    public async Task Failure_categories_count_classified_failures_and_the_rest_as_unclassified()
    {
        // What the classifier writes: label every failed "lint" job as lint.
        await data.Api.Database.ScalarAsync<long>($"""
            WITH c AS (INSERT INTO {data.Schema}.job_classifications (job_id, category, confidence, model_version)
                       SELECT id, 'lint', 0.9, 'test' FROM {data.Schema}.job_runs WHERE name = 'lint' AND status IN ('failure', 'timed_out')
                       ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM c
            """);
        var from = Start;
        var to = Start.AddDays(12);
        var result = await QueryAsync(new { metric = "failure_categories", from, to });
        var counts = result.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("group").GetString()!, s => s.GetProperty("points")[0].GetProperty("value").GetDouble());

        var failed = data.Jobs.Where(j => j.Failed && j.FinishedAt >= from && j.FinishedAt < to).ToList();
        Assert.Equal(failed.Count(j => j.Name == "lint"), counts["lint"]);
        Assert.Equal(failed.Count(j => j.Name != "lint"), counts["unclassified"]);

        var lintOnly = await QueryAsync(new { metric = "failures", from, to, filters = new { category = "lint" } });
        Assert.Equal(counts["lint"], lintOnly.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task A_tenant_with_a_single_run_has_exact_figures()
    {
        using var owner = new ApiSession(data.Api);
        await owner.SignUpAsync(Emails.New("single"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        var at = new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.Zero);
        (await key.PostAsJsonAsync("/api/v1/events", new object[]
        {
            new { type = "run", provider = "api", externalId = "r1", attempt = 1, repository = "solo/app", pipeline = "CI", branch = "main",
                  defaultBranch = "main", status = "failure", queuedAt = at, startedAt = at.AddMinutes(1), finishedAt = at.AddMinutes(11) },
            new { type = "job", provider = "api", externalId = "j1", attempt = 1, runExternalId = "r1", repository = "solo/app", pipeline = "CI",
                  branch = "main", name = "test", status = "failure", queuedAt = at, startedAt = at.AddMinutes(1), finishedAt = at.AddMinutes(11) },
        })).EnsureSuccessStatusCode();

        async Task<double?> ValueAsync(string metric)
        {
            var response = await key.PostAsJsonAsync("/api/v1/metrics/query", new { metric, from = at.AddDays(-1), to = at.AddDays(1) });
            var point = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("series")[0].GetProperty("points")[0].GetProperty("value");
            return point.ValueKind == JsonValueKind.Null ? null : point.GetDouble();
        }

        Assert.Equal(1, await ValueAsync("jobs"));
        Assert.Equal(1, await ValueAsync("runs"));
        Assert.Equal(1, await ValueAsync("failure_rate"));
        Assert.Equal(600_000, await ValueAsync("duration_p95"));
        Assert.Equal(60_000, await ValueAsync("queue_time"));
        Assert.Equal(10 * 0.008, (await ValueAsync("failure_cost"))!.Value, 9);
        Assert.Null(await ValueAsync("mttr"));
    }

    [Fact]
    public async Task Flaky_commits_and_broken_for_equal_the_raw_computation()
    {
        var from = Start.AddDays(2).AddHours(7);
        var to = Start.AddDays(9).AddHours(13);

        var expectedFlaky = data.Reference.Flaky(from, to);
        var flaky = await QueryAsync(new { metric = "flaky_commits", from, to });
        Assert.Equal(expectedFlaky.Sum(f => f.FlakyCommits), flaky.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value").GetDouble());
        var flakyByJob = await QueryAsync(new { metric = "flaky_commits", from, to, groupBy = "job", top = 100 });
        Assert.Equal(
            expectedFlaky.GroupBy(f => f.Job).Select(g => $"{g.Key}={g.Sum(f => f.FlakyCommits)}").Order(),
            flakyByJob.GetProperty("series").EnumerateArray()
                .Select(s => $"{s.GetProperty("group").GetString()}={s.GetProperty("points")[0].GetProperty("value").GetDouble()}").Order());

        // How long each default-branch pipeline has been failing at the end of the range: 0 when its last run passed.
        var open = data.Reference.Streaks(from, to).Where(s => s.ResolvedAt is null).ToList();
        Assert.NotEmpty(open);
        var broken = await QueryAsync(new { metric = "broken_for", from, to, groupBy = "pipeline", top = 100 });
        var actual = broken.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("group").GetString()!, s => s.GetProperty("points")[0].GetProperty("value").GetDouble());
        foreach (var (pipeline, value) in actual)
        {
            var streaks = open.Where(s => s.First.Pipeline == pipeline).ToList();
            Assert.Equal(streaks.Count == 0 ? 0 : streaks.Max(s => (to - s.StartedAt).TotalMilliseconds), value, 0);
        }

        Assert.Contains(actual.Values, v => v > 0);
    }

    [Theory]
    [InlineData("jobs", null)]
    [InlineData("failures", "job")]
    [InlineData("failure_rate", null)]
    [InlineData("failure_rate", "repository")]
    [InlineData("success_rate", "branch")]
    [InlineData("duration_p95", null)]
    [InlineData("queue_time", "pipeline")]
    [InlineData("failure_cost", null)]
    public async Task Alert_windows_end_at_any_minute_and_count_exactly_what_finished_inside_them(string metric, string? groupBy)
    {
        // An alert's window, 10:17 to 11:17 on a weekday: not whole hours, so the rollups cannot answer it.
        var from = Start.AddDays(3).AddHours(10).AddMinutes(17);
        var to = from.AddHours(1);
        var tenantId = await data.Api.Database.ScalarAsync<Guid>($"SELECT id FROM catalog.tenants WHERE schema_name = '{data.Schema}'");
        await using var scope = data.Api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Application.Common.Security.PrincipalOverride>().Principal =
            new Application.Common.Security.BackgroundPrincipal(tenantId, "test", Domain.Authorization.Permission.Tenant.ToHashSet());
        var result = await scope.ServiceProvider.GetRequiredService<Application.Analytics.IMetricStore>()
            .ComputeAsync(Application.Analytics.MetricQuery.Between(new Domain.Analytics.MetricSpec(metric, GroupBy: groupBy, Top: 100), from, to),
                CancellationToken.None);

        var expected = data.Reference.Series(metric, from, to, null, groupBy, new AnalyticsReference.Filters());
        Assert.Equal(expected.Keys.Order(), result.Series.Select(s => s.Group ?? "").Order());
        Assert.Contains(expected.Values, v => v.Values.Single() is > 0);
        foreach (var series in result.Series)
            AssertClose(expected[series.Group ?? ""].Values.Single() ?? (IsCount(metric) ? 0 : null), series.Points.Single().Value, $"{metric} {series.Group}");
    }

    private async Task<JsonElement> QueryAsync(object spec)
    {
        var response = await data.Key.PostAsJsonAsync("/api/v1/metrics/query", spec);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private static Dictionary<string, string> ParseFilters(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    private static bool IsCount(string metric) => metric is "jobs" or "runs" or "failures" or "failure_cost";

    internal static void AssertClose(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected == actual, $"{what}: expected {expected?.ToString() ?? "null"}, got {actual?.ToString() ?? "null"}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1e-6 * Math.Max(1, Math.Abs(expected.Value)), $"{what}: expected {expected}, got {actual}");
    }
}
