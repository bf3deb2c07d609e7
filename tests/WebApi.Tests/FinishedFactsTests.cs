using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The merge of events about one job through POST /api/v1/events: a finished job keeps its status, name and known times
/// against late unfinished events, and merged times always keep the time rule (which the database enforces).
/// </summary>
public sealed class FinishedFactsTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private RunningApi Api => fixture.Api;

    private static Dictionary<string, object?> Job(string name, string status, DateTimeOffset? queuedAt, DateTimeOffset? startedAt,
        DateTimeOffset? finishedAt) => new()
    {
        ["type"] = "job", ["provider"] = "api", ["externalId"] = "j1", ["runExternalId"] = "r1", ["repository"] = "acme/api", ["pipeline"] = "CI",
        ["branch"] = "main", ["name"] = name, ["status"] = status, ["queuedAt"] = queuedAt, ["startedAt"] = startedAt, ["finishedAt"] = finishedAt,
    };

    [Fact]
    public async Task In_one_batch_the_finished_event_wins_over_a_later_unfinished_one()
    {
        var key = await KeyAsync();

        await PostAsync(key, Job("build", "success", T0, T0.AddMinutes(1), T0.AddMinutes(5)), Job("renamed", "running", T0, T0.AddMinutes(9), null));

        AssertJob(await OnlyJobAsync(key), "build", "success", T0, T0.AddMinutes(1), T0.AddMinutes(5));
    }

    [Fact]
    public async Task A_late_event_fills_in_a_missing_start_only_where_it_fits()
    {
        var key = await KeyAsync();
        await PostAsync(key, Job("build", "failure", null, null, T0.AddMinutes(5)));

        // Started after the job finished: it does not fit, nothing changes.
        await PostAsync(key, Job("renamed", "running", null, T0.AddMinutes(6), null));
        AssertJob(await OnlyJobAsync(key), "build", "failure", null, null, T0.AddMinutes(5));

        await PostAsync(key, Job("renamed", "running", T0, T0.AddMinutes(2), null));
        AssertJob(await OnlyJobAsync(key), "build", "failure", T0, T0.AddMinutes(2), T0.AddMinutes(5));
    }

    [Fact]
    public async Task Partial_events_whose_times_disagree_are_merged_in_order_not_refused()
    {
        var key = await KeyAsync();
        await PostAsync(key, Job("build", "queued", T0.AddMinutes(3), null, null));
        await PostAsync(key, Job("build", "running", null, T0.AddMinutes(2), null));
        AssertJob(await OnlyJobAsync(key), "build", "running", T0.AddMinutes(2), T0.AddMinutes(2), null);

        // The finish, by another clock, before the start: it meets the start.
        await PostAsync(key, Job("build", "success", null, null, T0.AddMinutes(1)));

        var job = await OnlyJobAsync(key);
        AssertJob(job, "build", "success", T0.AddMinutes(2), T0.AddMinutes(2), T0.AddMinutes(2));
        Assert.Equal(0, job.GetProperty("durationMs").GetInt64());
    }

    [Fact]
    public async Task The_events_api_refuses_a_queue_time_after_the_finish_of_a_job_that_never_started()
    {
        var key = await KeyAsync();

        var response = await key.PostAsJsonAsync("/api/v1/events", new[] { Job("build", "cancelled", T0.AddMinutes(5), null, T0) });

        var problem = await ProblemAssert.IsProblemAsync(response, 422);
        Assert.Contains("queuedAt ≤ startedAt ≤ finishedAt", problem.GetProperty("items")[0].GetProperty("reason").GetString());
    }

    private async Task<HttpClient> KeyAsync()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("facts"));
        return (await Teams.KeyAsync(owner, "ingest", "read")).Item1;
    }

    private static async Task PostAsync(HttpClient key, params Dictionary<string, object?>[] events)
    {
        var response = await key.PostAsJsonAsync("/api/v1/events", events);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> OnlyJobAsync(HttpClient key) =>
        Assert.Single((await key.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("items").EnumerateArray());

    private static void AssertJob(JsonElement job, string name, string status, DateTimeOffset? queuedAt, DateTimeOffset? startedAt,
        DateTimeOffset? finishedAt)
    {
        Assert.Equal((name, status), (job.GetProperty("name").GetString(), job.GetProperty("status").GetString()));
        Assert.Equal([queuedAt, startedAt, finishedAt], new[] { "queuedAt", "startedAt", "finishedAt" }.Select(field =>
            job.GetProperty(field) is { ValueKind: JsonValueKind.String } time ? time.GetDateTimeOffset() : (DateTimeOffset?)null));
    }
}
