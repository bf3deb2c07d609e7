using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The providers' own published example payloads (../shared/fixtures), replayed through real HTTP signed as the providers
/// sign them, and what Faultline stored, read back through the API field by field.
/// </summary>
public sealed class ProviderPayloadTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private const string Sha = "3484a3fb816e0859fd6e1cea078d76385ff50625";
    private const string GitlabSha = "bcbb5ec396a2c0f828686f14fac9b80b780504f2";
    private const string Runner = "shared-runners-manager-6.gitlab.com";

    private RunningApi Api => fixture.Api;

    private static object GithubRun(string status, string? startedAt, string? finishedAt) => new
    {
        provider = "github", externalId = "289782451", attempt = 1, repository = "octo-org/octo-repo",
        // The examples' run has "name": "": the workflow's name is beside it.
        pipeline = "test", branch = "master", commitSha = Sha, trigger = "repository_dispatch", actor = "Codertocat", status,
        queuedAt = "2020-10-05T16:33:24Z", startedAt, finishedAt,
    };

    private static object CodeqlJob(string name, string status, string queuedAt, string? startedAt, string? finishedAt, string? runner) => new
    {
        provider = "github", runId = (long?)null, externalId = "289782451", attempt = 1, repository = "Codertocat/Hello-World", pipeline = "CodeQL",
        branch = "main", commitSha = Sha, name, runner, status, queuedAt, startedAt, finishedAt,
    };

    private static object EnvTestJob(string status) => new
    {
        externalId = "12877621891", repository = "lineville/elastic-machines-testing", pipeline = "Env Test", branch = "main",
        commitSha = "16c5286e8d9a0629956a28938386b36608707a71", name = "test", status, queuedAt = "2023-04-19T21:12:12Z",
        // Not started: the example's started_at is only its creation, and its labels are not a runner.
        startedAt = (string?)null, finishedAt = (string?)null, runner = (string?)null,
    };

    /// <summary>Every GitHub example and what it must store: the run of a workflow_run, the job of a workflow_job.</summary>
    public static TheoryData<string, object> GithubExamples => new()
    {
        { "workflow_run.completed.payload.json", GithubRun("success", "2020-10-05T16:33:49Z", "2020-10-05T16:33:49Z") },
        { "workflow_run.completed.with-pull-requests.payload.json", GithubRun("success", "2020-10-05T16:33:49Z", "2020-10-05T16:33:49Z") },
        // Queued: no start yet, although run_started_at is filled in (and later than updated_at).
        { "workflow_run.requested.payload.json", GithubRun("queued", null, null) },
        // Completed with action_required: held for a maintainer's approval; it has not run, and it has not failed.
        { "workflow_run.requested.with-conclusion.payload.json", GithubRun("waiting", null, null) },
        {
            "workflow_job.completed.failure.with-organization.payload.json",
            CodeqlJob("linters", "failure", "2021-08-05T10:33:58Z", "2021-08-05T10:34:58Z", "2021-08-05T10:38:16Z", "GitHub Actions 5")
        },
        {
            "workflow_job.completed.success.with-organization.payload.json",
            CodeqlJob("linters", "success", "2021-08-05T10:33:58Z", "2021-08-05T10:34:58Z", "2021-08-05T10:38:16Z", "GitHub Actions 5")
        },
        {
            "workflow_job.in_progress.payload.json",
            CodeqlJob("Analyze (javascript)", "running", "2021-09-13T02:21:13Z", "2021-09-13T02:21:13Z", null, "GitHub Actions 5")
        },
        {
            "workflow_job.in_progress.with-queued-steps.payload.json", new
            {
                externalId = "14541957942", repository = "wolfy1339/github-events-schemas", pipeline = "Test", branch = "renovate/got-13.x",
                commitSha = "eeeb91cc89453bff9ce51f450d8badd4eb41ae8b", name = "Do examples need to be regenerated?", status = "running",
                queuedAt = "2023-06-26T03:31:29Z", startedAt = "2023-06-26T03:31:36Z", finishedAt = (string?)null, runner = "GitHub Actions 6",
            }
        },
        // runner_name is filled in, but a queued job has no runner yet.
        { "workflow_job.queued.payload.json", CodeqlJob("update", "queued", "2021-09-13T02:21:13Z", null, null, null) },
        // Delivered for the "queued" action, but its status says it waits for its environment's approval.
        { "workflow_job.queued.with-deployment.payload.json", EnvTestJob("waiting") },
        { "workflow_job.waiting.payload.json", EnvTestJob("waiting") },
    };

    [Fact]
    public void Every_published_github_workflow_example_is_replayed()
    {
        var replayed = GithubExamples.Select(row => (string)row[0]).Order();

        Assert.Equal(ProviderFixtures.Github("workflow_run").Concat(ProviderFixtures.Github("workflow_job")).Order(), replayed);
    }

    [Theory]
    [MemberData(nameof(GithubExamples))]
    public async Task A_published_github_example_is_stored_field_by_field(string file, object expected)
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "github");
        var eventName = file.Split('.')[0];

        var outcome = await DeliverAsync(hook, ProviderFixtures.Read($"github/{file}"), eventName);

        Assert.Equal("processed", outcome.GetProperty("outcome").GetString());
        AssertFields(expected, await OnlyAsync(reader, eventName == "workflow_run" ? "runs" : "jobs"));
    }

    [Fact]
    public async Task A_late_in_progress_or_queued_after_the_completed_job_changes_nothing()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "github");
        var completed = CodeqlJob("linters", "failure", "2021-08-05T10:33:58Z", "2021-08-05T10:34:58Z", "2021-08-05T10:38:16Z", "GitHub Actions 5");
        await DeliverAsync(hook, ProviderFixtures.Read("github/workflow_job.completed.failure.with-organization.payload.json"), "workflow_job");

        // The same job (id and attempt), later: started weeks after it finished, and named otherwise.
        foreach (var late in new[] { "workflow_job.in_progress.payload.json", "workflow_job.queued.payload.json" })
        {
            var outcome = await DeliverAsync(hook, ProviderFixtures.Read($"github/{late}"), "workflow_job");

            // Acknowledged (a redelivery would change nothing either), reported as changing nothing.
            Assert.Equal("processed", outcome.GetProperty("outcome").GetString());
            Assert.Equal(1, outcome.GetProperty("result").GetProperty("duplicates").GetInt32());
            var job = await OnlyAsync(reader, "jobs");
            AssertFields(completed, job);
            Assert.Equal(198_000, job.GetProperty("durationMs").GetInt64());
        }

        var schema = await SchemaAsync(owner);
        Assert.Equal("1:198000",
            await Api.Database.ScalarAsync<string>($"SELECT sum(jobs) || ':' || sum(duration_ms) FROM {schema}.job_rollups_hourly"));
    }

    [Fact]
    public async Task The_jobs_lifecycle_in_order_ends_as_the_completed_event_says()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "github");

        string[] lifecycle =
        [
            "workflow_job.queued.payload.json", "workflow_job.in_progress.payload.json",
            "workflow_job.completed.success.with-organization.payload.json",
        ];
        foreach (var file in lifecycle)
            await DeliverAsync(hook, ProviderFixtures.Read($"github/{file}"), "workflow_job");

        AssertFields(CodeqlJob("linters", "success", "2021-08-05T10:33:58Z", "2021-08-05T10:34:58Z", "2021-08-05T10:38:16Z", "GitHub Actions 5"),
            await OnlyAsync(reader, "jobs"));
    }

    [Fact]
    public async Task A_run_without_any_name_is_named_after_its_workflow_file_and_its_disagreeing_times_are_clamped()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "github");
        var body = ProviderFixtures.Edit("github/workflow_run.completed.payload.json", payload =>
        {
            payload.Remove("workflow");
            var run = payload["workflow_run"]!.AsObject();
            run["path"] = ".github/workflows/ci.yml";
            // Finished before it started, by the provider's own clocks.
            run["updated_at"] = "2020-10-05T16:33:30Z";
        });

        await DeliverAsync(hook, body, "workflow_run");

        AssertFields(new
        {
            pipeline = "ci", status = "success", queuedAt = "2020-10-05T16:33:24Z", startedAt = "2020-10-05T16:33:49Z",
            finishedAt = "2020-10-05T16:33:49Z",
        }, await OnlyAsync(reader, "runs"));
    }

    [Fact]
    public async Task A_run_without_a_start_time_starts_when_it_was_created_and_a_job_finished_before_its_start_is_clamped()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "github");
        var run = ProviderFixtures.Edit("github/workflow_run.completed.payload.json",
            payload => payload["workflow_run"]!.AsObject().Remove("run_started_at"));
        var job = ProviderFixtures.Edit("github/workflow_job.completed.failure.with-organization.payload.json", payload =>
        {
            var fields = payload["workflow_job"]!.AsObject();
            fields["created_at"] = "2021-08-05T10:35:30Z";
            fields["completed_at"] = "2021-08-05T10:30:00Z";
        });

        await DeliverAsync(hook, run, "workflow_run");
        await DeliverAsync(hook, job, "workflow_job");

        AssertFields(new { startedAt = "2020-10-05T16:33:24Z", finishedAt = "2020-10-05T16:33:49Z", durationMs = 25_000 },
            await OnlyAsync(reader, "runs"));
        // Queued after it started, finished before: both meet the start.
        var start = "2021-08-05T10:34:58Z";
        AssertFields(new { queuedAt = start, startedAt = start, finishedAt = start, durationMs = 0 },
            await OnlyAsync(reader, "jobs"));
    }

    private static object GitlabJob(string externalId, string name, string status, string? startedAt, string? finishedAt, string? runner) => new
    {
        provider = "gitlab", externalId, attempt = 1, repository = "gitlab-org/gitlab-test", pipeline = "Pipeline for branch: master",
        branch = "master", commitSha = GitlabSha, name, status, queuedAt = "2016-08-12T15:23:28Z", startedAt, finishedAt, runner,
    };

    [Fact]
    public async Task The_documented_pipeline_hook_is_a_run_with_its_builds_as_its_jobs()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "gitlab");

        var outcome = await DeliverAsync(hook, ProviderFixtures.Read("gitlab/pipeline_hook.doc.json"), "Pipeline Hook");

        Assert.Equal(6, outcome.GetProperty("result").GetProperty("accepted").GetInt32());
        var run = await OnlyAsync(reader, "runs");
        AssertFields(new
        {
            provider = "gitlab", externalId = "31", attempt = 1, repository = "gitlab-org/gitlab-test", pipeline = "Pipeline for branch: master",
            branch = "master", commitSha = GitlabSha, trigger = "merge_request_event", actor = "root", status = "success",
            // The example has no started_at: the run started with its first job.
            queuedAt = "2016-08-12T15:23:28Z", startedAt = "2016-08-12T15:24:56Z", finishedAt = "2016-08-12T15:26:29Z",
        }, run);
        var jobs = (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{run.GetProperty("id").GetInt64()}")).GetProperty("jobs");
        object[] expected =
        [
            GitlabJob("376", "build-image", "success", "2016-08-12T15:24:56Z", "2016-08-12T15:25:26Z", Runner),
            GitlabJob("378", "test-build", "failure", "2016-08-12T15:26:12Z", "2016-08-12T15:26:29Z", Runner),
            GitlabJob("377", "test-image", "success", "2016-08-12T15:26:12Z", "2016-08-12T15:26:29Z", Runner),
            GitlabJob("380", "production", "skipped", null, null, null),
            // Created: waits for the stages before it; not started, so no runner.
            GitlabJob("379", "staging", "queued", null, null, null),
        ];
        Assert.Equal(expected.Length, jobs.GetArrayLength());
        foreach (var (want, stored) in expected.Zip(jobs.EnumerateArray())) AssertFields(want, stored);
    }

    [Fact]
    public async Task The_documented_job_hook_is_a_job_of_its_named_pipeline()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "gitlab");

        await DeliverAsync(hook, ProviderFixtures.Read("gitlab/job_hook.doc.jsonc"), "Job Hook");

        AssertFields(new
        {
            provider = "gitlab", runId = (long?)null, externalId = "1977", attempt = 1, repository = "gitlab-org/gitlab-test",
            // GitLab's "commit" in a Job Hook is the pipeline: its name is the pipeline's.
            pipeline = "Build pipeline", branch = "gitlab-script-trigger", commitSha = "2293ada6b400935a1378653304eaf6221e0fdb8f", name = "test",
            status = "queued", queuedAt = "2021-02-23T02:41:37.886Z", startedAt = (string?)null, finishedAt = (string?)null, runner = (string?)null,
        }, await OnlyAsync(reader, "jobs"));
    }

    [Fact]
    public async Task An_unnamed_pipeline_and_its_jobs_share_one_name_its_start_is_its_own_and_a_relative_url_gitlab_gives_the_project_path()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "gitlab");
        void UnderRelativeUrl(JsonObject payload)
        {
            payload["project"]!["web_url"] = "https://example.com/gitlab/acme/api";
            payload["project"]!["path_with_namespace"] = "acme/api";
        }

        var pipeline = ProviderFixtures.Edit("gitlab/pipeline_hook.doc.json", payload =>
        {
            UnderRelativeUrl(payload);
            payload["object_attributes"]!["name"] = null;
            payload["object_attributes"]!["started_at"] = "2016-08-12 15:24:00 UTC";
        });
        // The pipeline's "staging" job starts, told by a Job Hook.
        var job = ProviderFixtures.Edit("gitlab/job_hook.doc.jsonc", payload =>
        {
            UnderRelativeUrl(payload);
            payload["repository"]!["homepage"] = "https://example.com/gitlab/acme/api";
            payload["commit"]!.AsObject().Remove("name");
            (payload["pipeline_id"], payload["build_id"], payload["build_name"]) = (31, 379, "staging");
            (payload["ref"], payload["sha"], payload["build_status"]) = ("master", GitlabSha, "running");
            (payload["build_created_at"], payload["build_started_at"]) = ("2016-08-12 15:23:28 UTC", "2016-08-12 15:26:40 UTC");
        });

        await DeliverAsync(hook, pipeline, "Pipeline Hook");
        await DeliverAsync(hook, job, "Job Hook");

        var run = await OnlyAsync(reader, "runs");
        AssertFields(new { repository = "acme/api", pipeline = "gitlab-ci", startedAt = "2016-08-12T15:24:00Z" }, run);
        var jobs = (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{run.GetProperty("id").GetInt64()}")).GetProperty("jobs");
        Assert.All(jobs.EnumerateArray(), stored => AssertFields(new { repository = "acme/api", pipeline = "gitlab-ci" }, stored));
        AssertFields(new { status = "running", queuedAt = "2016-08-12T15:23:28Z", startedAt = "2016-08-12T15:26:40Z", runner = Runner },
            jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "staging"));
        var staging = await reader.GetFromJsonAsync<JsonElement>("/api/v1/jobs?pipeline=gitlab-ci&job=staging");
        Assert.Equal(1, staging.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Every_documented_gitlab_job_status_is_stored_as_its_canonical_status()
    {
        var (owner, reader) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "gitlab");
        (string Gitlab, string Stored)[] statuses =
        [
            ("created", "queued"), ("waiting_for_resource", "queued"), ("preparing", "queued"), ("pending", "queued"), ("running", "running"),
            ("success", "success"), ("failed", "failure"), ("canceled", "cancelled"), ("canceling", "cancelled"), ("skipped", "skipped"),
            ("manual", "manual"), ("scheduled", "waiting"), ("waiting_for_callback", "waiting"),
        ];
        var body = ProviderFixtures.Edit("gitlab/pipeline_hook.doc.json", payload =>
        {
            var template = payload["builds"]![1]!.ToJsonString();
            var builds = new JsonArray();
            foreach (var (status, index) in statuses.Select((s, i) => (s.Gitlab, i)))
            {
                var build = JsonNode.Parse(template)!.AsObject();
                (build["id"], build["name"], build["status"]) = (1000 + index, status, status);
                builds.Add(build);
            }

            payload["builds"] = builds;
        });

        var outcome = await DeliverAsync(hook, body, "Pipeline Hook");

        Assert.Equal(0, outcome.GetProperty("result").GetProperty("rejected").GetInt32());
        var jobs = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/jobs?limit=50")).GetProperty("items").EnumerateArray()
            .ToDictionary(j => j.GetProperty("name").GetString()!, j => j);
        foreach (var (gitlab, stored) in statuses)
        {
            Assert.Equal(stored, jobs[gitlab].GetProperty("status").GetString());
            var started = stored is "running" or "success" or "failure" or "cancelled" or "skipped";
            Assert.Equal(started, jobs[gitlab].GetProperty("startedAt").ValueKind != JsonValueKind.Null);
            Assert.Equal(started, jobs[gitlab].GetProperty("runner").ValueKind != JsonValueKind.Null);
        }
    }

    [Theory]
    [InlineData("Pipeline Hook")]
    [InlineData("Job Hook")]
    public async Task An_empty_gitlab_hook_is_kept_as_a_dead_letter_and_stores_nothing(string eventName)
    {
        var (owner, _) = await TenantAsync();
        var hook = await ProviderHook.CreateAsync(owner, "gitlab");

        var problem = await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(hook.Delivery("{}", eventName)), 422);

        Assert.True(problem.TryGetProperty("deadLetterId", out _), problem.ToString());

        var schema = await SchemaAsync(owner);
        Assert.Equal(0L,
            await Api.Database.ScalarAsync<long>($"SELECT (SELECT count(*) FROM {schema}.pipeline_runs) + (SELECT count(*) FROM {schema}.job_runs)"));
    }

    private async Task<(ApiSession Owner, HttpClient Reader)> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("providers"));
        var (reader, _) = await Teams.KeyAsync(owner, "read");
        return (owner, reader);
    }

    private static async Task<string> SchemaAsync(ApiSession owner) =>
        "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();

    private async Task<JsonElement> DeliverAsync(ProviderHook hook, string body, string eventName)
    {
        var response = await Api.Client.SendAsync(hook.Delivery(body, eventName));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{eventName}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The tenant's only run or job, from the list, which has every field of a summary.</summary>
    private static async Task<JsonElement> OnlyAsync(HttpClient reader, string list) =>
        Assert.Single((await reader.GetFromJsonAsync<JsonElement>($"/api/v1/{list}")).GetProperty("items").EnumerateArray());

    /// <summary>Each field of <paramref name="expected"/> as stored: times compared as instants, everything else as JSON.</summary>
    private static void AssertFields(object expected, JsonElement stored)
    {
        foreach (var field in JsonSerializer.SerializeToElement(expected).EnumerateObject())
        {
            var actual = stored.GetProperty(field.Name);
            var same = field.Value.ValueKind == JsonValueKind.String && field.Value.GetString() is { Length: > 19 } time && time[10] == 'T'
                ? actual.ValueKind == JsonValueKind.String
                  && DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture) == actual.GetDateTimeOffset()
                : field.Value.GetRawText() == actual.GetRawText();
            Assert.True(same, $"{field.Name}: expected {field.Value.GetRawText()}, stored {actual.GetRawText()}");
        }
    }
}
