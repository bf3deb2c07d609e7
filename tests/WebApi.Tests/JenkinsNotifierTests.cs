using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Faultline's Jenkins library (integrations/jenkins) against the real API: its notifier script run as the pipeline step
/// runs it, against a fake Jenkins that serves the recorded wfapi shapes (Fixtures/jenkins), and notifications in the
/// shape the script sends, signed as it signs them.
/// </summary>
public sealed class JenkinsNotifierTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private const string BuildPath = "/job/acme/job/api/job/main/42/";
    private const string Commit = "9f2c1e7d4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e";
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_795_168_800_000);

    private RunningApi Api => fixture.Api;

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "jenkins", name));

    /// <summary>A notification in the shape notify.sh sends (built from Jenkins' wfapi/describe and the pipeline's context).</summary>
    public static string Notification(string describe, string? result, IReadOnlyDictionary<string, string>? logs = null)
    {
        var body = new JsonObject
        {
            ["jobName"] = "acme/api/main", ["buildNumber"] = 42, ["buildUrl"] = "https://ci.example.com" + BuildPath, ["pipeline"] = "acme/api",
            ["result"] = result, ["queuedTimeMillis"] = 1_795_168_795_787,
            ["git"] = new JsonObject { ["url"] = "git@github.com:acme/api.git", ["branch"] = "main", ["commit"] = Commit },
            ["causes"] = JsonNode.Parse("""[{"_class": "jenkins.branch.BranchEventCause", "shortDescription": "Push event to branch main"}]"""),
            ["describe"] = JsonNode.Parse(describe),
            ["logs"] = new JsonObject(logs?.Select(log => KeyValuePair.Create(log.Key, (JsonNode?)log.Value)) ?? []),
        };
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task<(HttpClient Reader, string Schema, string Path, string Secret)> TenantWithHookAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("jenkins"));
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var (reader, _) = await Teams.KeyAsync(owner, "read");
        var response = await owner.PostAsync("/api/v1/hooks", new { provider = "jenkins", name = "ci.example.com" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(created.GetProperty("hook").GetProperty("url").GetString()!);
        return (reader, schema, url.AbsolutePath, created.GetProperty("secret").GetString()!);
    }

    private async Task<HttpResponseMessage> DeliverAsync(string path, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Faultline-Signature", signature);
        return await Api.Client.SendAsync(request);
    }

    private static async Task<(JsonElement Run, Dictionary<string, JsonElement> Jobs)> StoredBuildAsync(HttpClient reader)
    {
        var runs = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/runs?provider=jenkins")).GetProperty("items");
        Assert.Equal(1, runs.GetArrayLength());
        var detail = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{runs[0].GetProperty("id").GetInt64()}");
        return (runs[0], detail.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!));
    }

    private static DateTimeOffset? At(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDateTimeOffset();

    private static void AssertStage(JsonElement job, string stageId, string status, string? runner, int startedMs, int? finishedMs)
    {
        Assert.Equal($"acme/api/main#42#{stageId}", job.GetProperty("externalId").GetString());
        Assert.Equal(status, job.GetProperty("status").GetString());
        Assert.Equal(runner, job.GetProperty("runner").GetString());
        Assert.Equal(("acme/api", "acme/api", "main", Commit), (job.GetProperty("repository").GetString(), job.GetProperty("pipeline").GetString(),
            job.GetProperty("branch").GetString(), job.GetProperty("commitSha").GetString()));
        Assert.Equal(T0.AddMilliseconds(startedMs), At(job, "startedAt"));
        Assert.Equal(finishedMs is { } ms ? T0.AddMilliseconds(ms) : null, At(job, "finishedAt"));
    }

    /// <summary>Runs notify.sh as the faultlineNotify step does: its environment is the step's withEnv and Jenkins' own.</summary>
    private static async Task<(int Exit, string Output)> RunNotifierAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh", [Path.Combine(TestStack.RepositoryRoot, "integrations", "jenkins", "resources", "io", "faultline", "notify.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FAULTLINE_", StringComparison.Ordinal) || k.StartsWith("GIT_", StringComparison.Ordinal)
                     || k is "BRANCH_NAME" or "CHANGE_BRANCH" or "BUILD_URL" or "JOB_NAME" or "BUILD_NUMBER").ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task The_library_sends_a_failed_build_with_its_stages_and_the_failed_stage_log_which_is_classified()
    {
        var (reader, _, path, secret) = await TenantWithHookAsync();
        await using var jenkins = await HttpReceiver.StartAsync();
        jenkins.Answer(BuildPath + "wfapi/describe", (200, Fixture("wfapi-describe-failed.json")));
        jenkins.Answer(BuildPath + "execution/node/27/wfapi/describe", (200, Fixture("wfapi-node-describe-test-stage.json")));
        jenkins.Answer(BuildPath + "execution/node/28/log/logText/progressiveText", (200, "Running the unit tests\r\n"));
        jenkins.Answer(BuildPath + "execution/node/29/log/logText/progressiveText", (200, Fixture("test-step.log").ReplaceLineEndings("\r\n")));
        // The junit step printed nothing: Jenkins has no log for it.
        jenkins.Answer(BuildPath + "execution/node/31/log/logText/progressiveText", (404, ""));

        var (exit, output) = await RunNotifierAsync(new Dictionary<string, string>
        {
            ["FAULTLINE_URL"] = new Uri(Api.BaseAddress, path).ToString(), ["FAULTLINE_SECRET"] = secret, ["FAULTLINE_RESULT"] = "FAILURE",
            ["FAULTLINE_CAUSES"] = """[{"_class":"hudson.model.Cause$UserIdCause","shortDescription":"Started by user Jane Doe","userId":"jane","userName":"Jane Doe"}]""",
            ["FAULTLINE_QUEUED_MILLIS"] = "1795168795787", ["FAULTLINE_JENKINS_USER"] = "faultline-bot", ["FAULTLINE_JENKINS_TOKEN"] = "11c0ffee",
            ["BUILD_URL"] = jenkins.Url(BuildPath), ["JOB_NAME"] = "acme/api/main", ["BUILD_NUMBER"] = "42", ["BRANCH_NAME"] = "main",
            ["GIT_URL"] = "https://github.com/acme/api.git", ["GIT_BRANCH"] = "main", ["GIT_COMMIT"] = Commit,
        });

        Assert.True(exit == 0, output);
        Assert.Contains("Faultline answered 200", output, StringComparison.Ordinal);
        Assert.Equal(5, jenkins.Requests.Count);
        Assert.All(jenkins.Requests, request =>
            Assert.Equal("Basic " + Convert.ToBase64String("faultline-bot:11c0ffee"u8), request.Headers["Authorization"]));

        var (run, jobs) = await StoredBuildAsync(reader);
        Assert.Equal("acme/api/main#42", run.GetProperty("externalId").GetString());
        Assert.Equal(("acme/api", "acme/api", "main", Commit), (run.GetProperty("repository").GetString(), run.GetProperty("pipeline").GetString(),
            run.GetProperty("branch").GetString(), run.GetProperty("commitSha").GetString()));
        Assert.Equal(("user", "jane", "failure"), (run.GetProperty("trigger").GetString(), run.GetProperty("actor").GetString(), run.GetProperty("status").GetString()));
        Assert.Equal(T0.AddMilliseconds(-4_213), At(run, "queuedAt"));
        Assert.Equal(T0.AddMilliseconds(120), At(run, "startedAt"));
        Assert.Equal(T0.AddMilliseconds(349_530), At(run, "finishedAt"));

        // The post section the notifier ran in had not ended: three stages, not four.
        Assert.Equal(["Build", "Declarative: Checkout SCM", "Test"], jobs.Keys.Order());
        AssertStage(jobs["Declarative: Checkout SCM"], "6", "success", null, 1_222, 2_432);
        AssertStage(jobs["Build"], "15", "success", "linux-agent-3", 2_480, 97_790);
        AssertStage(jobs["Test"], "27", "failure", "linux-agent-3", 97_845, 349_049);
        Assert.Equal([false, false, true], new[] { "Declarative: Checkout SCM", "Build", "Test" }.Select(n => jobs[n].GetProperty("hasLog").GetBoolean()));

        // The steps' logs in order, the failed step followed by its error as the console shows it, LF line ends.
        var testJob = jobs["Test"].GetProperty("id").GetInt64();
        var log = await reader.GetStringAsync($"/api/v1/jobs/{testJob}/log");
        Assert.StartsWith("Running the unit tests\n+ mvn -B test\n[INFO] Scanning for projects...\n", log, StringComparison.Ordinal);
        Assert.EndsWith("for the individual test results.\nERROR: script returned exit code 1\n", log, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', log);

        JsonElement classification = default;
        await RunningApi.WaitForAsync(async () =>
        {
            var response = await reader.GetAsync($"/api/v1/jobs/{testJob}/classification");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            classification = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        });
        Assert.Equal("test", classification.GetProperty("category").GetString());
        var lines = log.Split('\n');
        Assert.Contains(classification.GetProperty("keyLines").EnumerateArray(),
            line => lines[line.GetProperty("lineNumber").GetInt32() - 1].Contains("totalIncludesTax", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_running_build_is_stored_without_a_finish_and_its_end_completes_the_same_run()
    {
        var (reader, _, path, secret) = await TenantWithHookAsync();
        var running = Notification(Fixture("wfapi-describe-running.json"), result: null);

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(path, running, Sign(secret, running))).StatusCode);

        var (run, jobs) = await StoredBuildAsync(reader);
        Assert.Equal(("running", (DateTimeOffset?)null), (run.GetProperty("status").GetString(), At(run, "finishedAt")));
        Assert.Equal(("branch_event", (string?)null), (run.GetProperty("trigger").GetString(), run.GetProperty("actor").GetString()));
        AssertStage(jobs["Build"], "15", "success", "linux-agent-3", 2_480, 97_790);
        AssertStage(jobs["Test"], "27", "running", "linux-agent-3", 97_845, null);

        var ended = Notification(Fixture("wfapi-describe-failed.json"), "FAILURE", new Dictionary<string, string> { ["27"] = Fixture("test-step.log") });
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(path, ended, Sign(secret, ended))).StatusCode);

        (run, jobs) = await StoredBuildAsync(reader);
        Assert.Equal(("failure", T0.AddMilliseconds(349_530)), (run.GetProperty("status").GetString(), At(run, "finishedAt")));
        Assert.Equal(3, jobs.Count);
        AssertStage(jobs["Test"], "27", "failure", "linux-agent-3", 97_845, 349_049);
        Assert.True(jobs["Test"].GetProperty("hasLog").GetBoolean());

        // The build is the hook's tenant's alone.
        var (otherReader, _, _, _) = await TenantWithHookAsync();
        Assert.Equal(0, (await otherReader.GetFromJsonAsync<JsonElement>("/api/v1/runs?provider=jenkins")).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await otherReader.GetAsync($"/api/v1/jobs/{jobs["Test"].GetProperty("id").GetInt64()}/log")).StatusCode);
    }

    [Fact]
    public async Task A_notification_of_several_megabytes_is_stored_with_its_log_whole()
    {
        var (reader, _, path, secret) = await TenantWithHookAsync();
        var log = string.Concat(Enumerable.Repeat("[INFO] Tests run: 48, Failures: 0, Errors: 0, Skipped: 0\n", 60_000)) + Fixture("test-step.log");
        var body = Notification(Fixture("wfapi-describe-failed.json"), "FAILURE", new Dictionary<string, string> { ["27"] = log });
        Assert.True(body.Length > 3_000_000);

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(path, body, Sign(secret, body))).StatusCode);

        var (_, jobs) = await StoredBuildAsync(reader);
        Assert.Equal(log, await reader.GetStringAsync($"/api/v1/jobs/{jobs["Test"].GetProperty("id").GetInt64()}/log"));
    }

    [Fact]
    public async Task A_notification_with_a_bad_or_no_signature_is_401_and_stores_nothing()
    {
        var (_, schema, path, secret) = await TenantWithHookAsync();
        var body = Notification(Fixture("wfapi-describe-failed.json"), "FAILURE");

        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, body, Sign(secret + "x", body)), 401);
        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, body.Replace("FAILURE", "SUCCESS", StringComparison.Ordinal), Sign(secret, body)), 401);
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(unsigned), 401);

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.pipeline_runs"));
    }

    [Fact]
    public async Task A_notification_that_is_not_json_is_a_400_and_stores_nothing()
    {
        var (_, schema, path, secret) = await TenantWithHookAsync();
        const string body = """{"describe": """;

        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, body, Sign(secret, body)), 400);

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.pipeline_runs"));
    }

    [Theory]
    [InlineData("""[]""", "describe")]
    [InlineData("""{"jobName": "acme/api/main", "buildNumber": 42}""", "describe")]
    [InlineData("""{"buildNumber": 42, "describe": {"id": "42", "status": "SUCCESS", "stages": []}}""", "jobName")]
    [InlineData("""{"jobName": "a", "buildNumber": 42, "describe": {"id": "42", "status": "SUCCESS", "stages": {}}}""", "describe.stages")]
    [InlineData("""{"jobName": "a", "buildNumber": 42, "describe": {"id": "42", "status": "SUCCESS", "stages": [{"name": "Build"}]}}""", "describe.stages[0].id")]
    [InlineData("""{"jobName": "a", "buildNumber": 42, "describe": {"id": "42", "status": "SUCCESS", "stages": []}, "logs": {"99": "x"}}""", "logs.99")]
    [InlineData("""{"jobName": "a", "buildNumber": 42, "describe": {"id": "42", "status": "SUCCESS", "stages": []}, "logs": ["x"]}""", "logs")]
    [InlineData("""{"jobName": "a", "buildNumber": 42, "describe": {"id": "42", "status": "SUCCESS", "stages": [{"id": "6"}]}, "logs": {"6": 1}}""", "logs.6")]
    public async Task A_malformed_notification_is_kept_as_a_dead_letter_naming_what_is_wrong_and_stores_nothing(string body, string field)
    {
        var (_, schema, path, secret) = await TenantWithHookAsync();

        var problem = await ProblemAssert.IsProblemAsync(await DeliverAsync(path, body, Sign(secret, body)), 422);

        Assert.Contains(problem.GetProperty("reasons").EnumerateArray(), reason => reason.GetString()!.StartsWith(field + ": ", StringComparison.Ordinal));
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.pipeline_runs"));
    }
}
