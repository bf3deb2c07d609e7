using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The jobs explorer's category column and filter, against the real PostgreSQL: the same jobs the
/// dashboards' category breakdown counts, only the tenant's own.
/// </summary>
public sealed class JobCategoryFilterTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private RunningApi Api => fixture.Api;

    /// <summary>A job as ingested, and the category a person gave it (feedback is stored as the job's category), if any.</summary>
    private sealed record SeededJob(string Name, string Status, DateTimeOffset FinishedAt, string? Category = null);

    /// <summary>A tenant holding the jobs, labelled through the feedback API.</summary>
    private async Task<HttpClient> TenantAsync(string repository, params SeededJob[] jobs)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("category"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read", "predict");
        if (jobs.Length == 0) return key;
        var events = jobs.Select((job, i) => new
        {
            type = "job", provider = "github", externalId = $"j{i}", attempt = 1, runExternalId = $"r{i}", repository, pipeline = "CI",
            branch = "main", name = job.Name, status = job.Status, startedAt = job.FinishedAt.AddMinutes(-5), finishedAt = job.FinishedAt,
        });
        var ingested = await (await key.PostAsJsonAsync("/api/v1/events", events)).Content.ReadFromJsonAsync<JsonElement>();
        var ids = ingested.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).ToList();
        foreach (var (job, id) in jobs.Zip(ids).Where(pair => pair.First.Category is not null))
        {
            var feedback = await key.PostAsJsonAsync("/api/v1/feedback", new { jobId = id, category = job.Category });
            Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
        }

        return key;
    }

    private Task<HttpClient> AcmeAsync() => TenantAsync("acme/api",
        new("unit-tests", "failure", T0, "test"), new("integration", "timed_out", T0.AddMinutes(10), "test"),
        new("lint", "failure", T0.AddMinutes(20), "lint"), new("deploy", "failure", T0.AddMinutes(30)), new("build", "success", T0.AddMinutes(40)),
        // Outside the dashboard's range below.
        new("unit-tests", "failure", T0.AddDays(3), "test"));

    private static async Task<List<JsonElement>> JobsAsync(HttpClient key, string query) =>
        [.. (await key.GetFromJsonAsync<JsonElement>("/api/v1/jobs?" + query)).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task The_category_filter_lists_exactly_the_failed_jobs_of_that_category_and_rows_carry_it()
    {
        var key = await AcmeAsync();

        var tests = await JobsAsync(key, "category=test");
        var unclassified = await JobsAsync(key, "category=unclassified");
        var all = (await JobsAsync(key, "")).ToDictionary(j => j.GetProperty("name").GetString() + j.GetProperty("id").GetInt64());

        Assert.Equal(["integration", "unit-tests", "unit-tests"], tests.Select(j => j.GetProperty("name").GetString()).Order());
        Assert.All(tests, j => Assert.Equal(("test", 1.0), (j.GetProperty("category").GetString(), j.GetProperty("confidence").GetDouble())));
        Assert.Equal(["deploy"], unclassified.Select(j => j.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, unclassified[0].GetProperty("confidence").ValueKind);
        // A job that did not fail has no category at all.
        var build = Assert.Single(all.Values, j => j.GetProperty("name").GetString() == "build");
        Assert.Equal(JsonValueKind.Null, build.GetProperty("category").ValueKind);
        Assert.Equal("lint", Assert.Single(all.Values, j => j.GetProperty("name").GetString() == "lint").GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_drill_down_from_each_category_of_the_breakdown_lists_as_many_jobs_as_it_counted()
    {
        var key = await AcmeAsync();
        var metric = await (await key.PostAsJsonAsync("/api/v1/metrics/query",
            new { metric = "failure_categories", from = T0.AddMinutes(-30), to = T0.AddMinutes(35) })).Content.ReadFromJsonAsync<JsonElement>();
        // What the dashboard's drill-down sends: the result's own range (widened to whole hours), by finish time.
        var range = $"finishedFrom={Uri.EscapeDataString(metric.GetProperty("from").GetString()!)}"
                    + $"&finishedTo={Uri.EscapeDataString(metric.GetProperty("to").GetString()!)}";

        var counted = metric.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("group").GetString()!, s => (int)s.GetProperty("points")[0].GetProperty("value").GetDouble());
        var listed = new Dictionary<string, int>();
        foreach (var category in counted.Keys) listed[category] = (await JobsAsync(key, $"category={category}&{range}")).Count;

        Assert.Equal(new Dictionary<string, int> { ["test"] = 2, ["lint"] = 1, ["unclassified"] = 1 }, counted);
        Assert.Equal(counted, listed);
    }

    [Fact]
    public async Task Another_tenants_jobs_of_the_category_never_appear()
    {
        var other = await TenantAsync("other/secret", new SeededJob("secret-tests", "failure", T0, "test"));
        var key = await AcmeAsync();

        var mine = await JobsAsync(key, "category=test");
        var theirs = await JobsAsync(other, "category=test");

        Assert.DoesNotContain(mine, j => j.GetProperty("repository").GetString() == "other/secret");
        Assert.Equal(["other/secret"], theirs.Select(j => j.GetProperty("repository").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/jobs?category=flaky")]
    [InlineData("/api/v1/jobs?category=Test")]
    [InlineData("/api/v1/runs?category=nonsense")]
    public async Task An_unknown_category_is_a_400_problem_naming_the_values(string path)
    {
        var key = await TenantAsync("acme/api");

        var problem = await ProblemAssert.IsProblemAsync(await key.GetAsync(path), 400);

        Assert.Contains("compilation, test, lint", problem.GetProperty("errors").GetProperty("category")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finish_range_that_ends_before_it_starts_is_a_400_problem()
    {
        var key = await TenantAsync("acme/api");

        await ProblemAssert.IsProblemAsync(await key.GetAsync("/api/v1/jobs?finishedFrom=2026-11-02T00:00:00Z&finishedTo=2026-11-01T00:00:00Z"), 400);
    }
}
