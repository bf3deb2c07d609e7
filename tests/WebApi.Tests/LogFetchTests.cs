using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>The API with log downloads polled fast, retried fast and started at once (no wait after a job completes).</summary>
public sealed class LogFetchApiFixture : IAsyncLifetime
{
    public RunningApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await RunningApi.StartAsync(settings:
    [
        "--Faultline:LogFetch:PollInterval=00:00:00.200",
        "--Faultline:LogFetch:FirstFetchDelay=00:00:00",
        "--Faultline:LogFetch:FirstRetry=00:00:00.300",
        "--Faultline:LogFetch:MaxAttempts=3",
    ]);

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>
/// Faultline downloads the logs of failed GitHub and GitLab jobs itself, from a local server that answers as the providers'
/// REST API documentation says: GitHub redirects to the log, GitLab sends the trace; expiry, bad tokens, rate limits and
/// server errors each have their outcome. The deliveries are the providers' published examples, signed as they sign them.
/// </summary>
public sealed class LogFetchTests(LogFetchApiFixture fixture) : IClassFixture<LogFetchApiFixture>
{
    private const string Token = "github_pat_11ABCDEFG0123456789_readonlyactions";

    private const string GithubJobLogs = "/repos/Codertocat/Hello-World/actions/jobs/289782451/logs";

    private const string FailedBuildLog = """
        2021-08-05T10:34:58.0000000Z Run dotnet build --configuration Release
        2021-08-05T10:35:01.0000000Z   Determining projects to restore...
        2021-08-05T10:35:02.0000000Z /home/runner/work/shop/shop/src/Orders/OrderService.cs(42,17): error CS1002: ; expected
        2021-08-05T10:35:02.0000000Z /home/runner/work/shop/shop/src/Orders/OrderService.cs(57,9): error CS0103: The name 'total' does not exist
        2021-08-05T10:35:03.0000000Z Build FAILED.
        2021-08-05T10:35:03.0000000Z ##[error]Process completed with exit code 1.
        """;

    private RunningApi Api => fixture.Api;

    private static string SharedFixture(string path) =>
        File.ReadAllText(Path.Combine(TestStack.RepositoryRoot, "..", "shared", "fixtures", path));

    private async Task<(ApiSession Owner, HttpClient Reader)> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("logfetch"));
        var (reader, _) = await Teams.KeyAsync(owner, "read");
        return (owner, reader);
    }

    private static async Task<(Guid Id, string Path, string Secret)> HookAsync(ApiSession owner, string provider, string? token, string? apiBaseUrl)
    {
        var response = await owner.PostAsync("/api/v1/hooks", new { provider, name = $"{provider} org", token, apiBaseUrl });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToString());
        var hook = created.GetProperty("hook");
        return (hook.GetProperty("id").GetGuid(), new Uri(hook.GetProperty("url").GetString()!).AbsolutePath, created.GetProperty("secret").GetString()!);
    }

    private Task<long> DeliverGithubFailureAsync(string path, string secret) =>
        DeliverGithubAsync(path, secret, "github/workflow_job.completed.failure.with-organization.payload.json");

    private async Task<long> DeliverGithubAsync(string path, string secret, string fixture)
    {
        var body = SharedFixture(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "workflow_job");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256",
            "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        return await StoredJobIdAsync(await Api.Client.SendAsync(request));
    }

    private static async Task<long> StoredJobIdAsync(HttpResponseMessage response)
    {
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, outcome.ToString());
        return outcome.GetProperty("result").GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> HookStateAsync(ApiSession owner, Guid hookId) =>
        (await owner.JsonAsync("/api/v1/hooks")).EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == hookId);

    /// <summary>Polls the hook list until <paramref name="until"/> holds for the hook's providerApi.</summary>
    private static async Task<JsonElement> ProviderApiAsync(ApiSession owner, Guid hookId, Func<JsonElement, bool> until)
    {
        JsonElement state = default;
        await RunningApi.WaitForAsync(async () => until(state = (await HookStateAsync(owner, hookId)).GetProperty("providerApi")));
        return state;
    }

    private static async Task<JsonElement> ClassificationAsync(HttpClient reader, long jobId)
    {
        JsonElement found = default;
        await RunningApi.WaitForAsync(async () =>
        {
            var response = await reader.GetAsync($"/api/v1/jobs/{jobId}/classification");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            found = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        });
        return found;
    }

    /// <summary>A column of the hook's queued download (job ids repeat across tenants; hooks do not).</summary>
    private Task<T> FetchRowAsync<T>(Guid hookId, string column) =>
        Api.Database.ScalarAsync<T>($"SELECT {column} FROM catalog.log_fetches WHERE webhook_id = '{hookId}'");

    private static HttpReceiver.Reply Redirect(string to) => new(302, "", ("Location", to));

    [Fact]
    public async Task A_failed_github_job_log_is_fetched_through_the_redirect_without_the_token_and_classified()
    {
        await using var github = await HttpReceiver.StartAsync();
        await using var blobs = await HttpReceiver.StartAsync();
        github.Answer(GithubJobLogs, Redirect(blobs.Url("/jobs/289782451.txt?sig=short-lived")));
        blobs.Answer("/jobs/289782451.txt", (200, FailedBuildLog));
        var (owner, reader) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github", Token, github.Url(""));

        var jobId = await DeliverGithubFailureAsync(path, secret);

        var classification = await ClassificationAsync(reader, jobId);
        Assert.Equal("compilation", classification.GetProperty("category").GetString());
        Assert.Contains(classification.GetProperty("keyLines").EnumerateArray(),
            line => line.GetProperty("text").GetString()!.Contains("error CS1002", StringComparison.Ordinal));
        Assert.Contains("error CS0103", await reader.GetStringAsync($"/api/v1/jobs/{jobId}/log"), StringComparison.Ordinal);

        var asked = Assert.Single(github.To(GithubJobLogs));
        Assert.Equal($"Bearer {Token}", asked.Headers["Authorization"]);
        Assert.Equal("application/vnd.github+json", asked.Headers["Accept"]);
        Assert.Equal("2022-11-28", asked.Headers["X-GitHub-Api-Version"]);
        var downloaded = Assert.Single(blobs.To("/jobs/289782451.txt"));
        Assert.False(downloaded.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(downloaded.Headers.Values, value => value.Contains(Token, StringComparison.Ordinal));

        var state = await ProviderApiAsync(owner, hookId, s => s.GetProperty("lastFetchedAt").ValueKind != JsonValueKind.Null);
        Assert.True(state.GetProperty("tokenSet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("lastFetchError").ValueKind);
        Assert.DoesNotContain(Token, await (await owner.GetAsync("/api/v1/hooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("stored", await FetchRowAsync<string>(hookId, "outcome"));
    }

    [Fact]
    public async Task A_failed_gitlab_job_trace_is_fetched_with_the_project_token_and_classified()
    {
        await using var gitlab = await HttpReceiver.StartAsync();
        const string trace = "/api/v4/projects/380/jobs/1977/trace";
        gitlab.Answer(trace, (200, FailedBuildLog));
        var (owner, reader) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "gitlab", "glpat-projecttoken123", gitlab.Url(""));

        // The documented example is a job just created: this one failed.
        var payload = JsonNode.Parse(JsonWithoutComments(SharedFixture("gitlab/job_hook.doc.jsonc")))!;
        payload["build_status"] = "failed";
        payload["build_started_at"] = "2021-02-23 02:41:38 UTC";
        payload["build_finished_at"] = "2021-02-23 02:45:38 UTC";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Gitlab-Event", "Job Hook");
        request.Headers.Add("X-Gitlab-Token", secret);
        var jobId = await StoredJobIdAsync(await Api.Client.SendAsync(request));

        var classification = await ClassificationAsync(reader, jobId);
        Assert.Equal("compilation", classification.GetProperty("category").GetString());
        Assert.NotEmpty(classification.GetProperty("keyLines").EnumerateArray());
        var asked = Assert.Single(gitlab.To(trace));
        Assert.Equal("glpat-projecttoken123", asked.Headers["PRIVATE-TOKEN"]);
        Assert.False(asked.Headers.ContainsKey("Authorization"));
        await ProviderApiAsync(owner, hookId, s => s.GetProperty("lastFetchedAt").ValueKind != JsonValueKind.Null);
    }

    /// <summary>
    /// A GitHub failure whose log download the local GitHub answers with <paramref name="status"/>: it must be given up after that one
    /// request, with the answer on the hook.
    /// </summary>
    private async Task<(ApiSession Owner, HttpClient Reader, Guid HookId, long JobId)> GivenUpAsync(int status, string message)
    {
        await using var github = await HttpReceiver.StartAsync();
        github.Answer(GithubJobLogs, (status, $$"""{"message":"{{message}}","documentation_url":"https://docs.github.com/rest"}"""));
        var (owner, reader) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github", Token, github.Url(""));

        var jobId = await DeliverGithubFailureAsync(path, secret);

        var state = await ProviderApiAsync(owner, hookId, s => s.GetProperty("lastFetchError").ValueKind == JsonValueKind.String);
        Assert.StartsWith($"GitHub answered {status}: {message}", state.GetProperty("lastFetchError").GetString(), StringComparison.Ordinal);
        Assert.Equal("gave_up", await FetchRowAsync<string>(hookId, "outcome"));
        Assert.Equal(1, await FetchRowAsync<int>(hookId, "attempts"));
        Assert.Single(github.To(GithubJobLogs));
        return (owner, reader, hookId, jobId);
    }

    [Fact]
    public async Task An_expired_log_is_not_asked_for_again_and_the_reason_is_recorded()
    {
        var (_, reader, _, jobId) = await GivenUpAsync(404, "Not Found");

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/jobs/{jobId}/log")).StatusCode);
    }

    [Fact]
    public async Task A_refused_token_gives_up_at_once_and_shows_on_the_hook()
    {
        var (owner, _, hookId, _) = await GivenUpAsync(401, "Bad credentials");

        // A new token clears the error of the old one.
        var changed = await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { token = "github_pat_new" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await HookStateAsync(owner, hookId)).GetProperty("providerApi").GetProperty("lastFetchError").ValueKind);
    }

    [Fact]
    public async Task A_rate_limited_download_waits_for_the_reset_and_then_succeeds()
    {
        await using var github = await HttpReceiver.StartAsync();
        var (owner, reader) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github", Token, github.Url(""));
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3;
        github.Answer(GithubJobLogs,
            new HttpReceiver.Reply(403, """{"message":"API rate limit exceeded for user ID 1."}""", ("x-ratelimit-limit", "5000"),
                ("x-ratelimit-remaining", "0"), ("x-ratelimit-used", "5000"), ("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture))),
            new HttpReceiver.Reply(200, FailedBuildLog));

        var jobId = await DeliverGithubFailureAsync(path, secret);

        await RunningApi.WaitForAsync(async () => (await reader.GetAsync($"/api/v1/jobs/{jobId}/log")).StatusCode == HttpStatusCode.OK);
        var asked = github.To(GithubJobLogs);
        Assert.Equal(2, asked.Count);
        Assert.True(asked[1].At >= DateTimeOffset.FromUnixTimeSeconds(reset), $"retried at {asked[1].At:O}, before the reset {reset}");
        // The wait cost no attempt.
        Assert.Equal(1, await FetchRowAsync<int>(hookId, "attempts"));
        Assert.Equal("stored", await FetchRowAsync<string>(hookId, "outcome"));
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_for_retry_after()
    {
        await using var github = await HttpReceiver.StartAsync();
        github.Answer(GithubJobLogs,
            new HttpReceiver.Reply(403, """{"message":"You have exceeded a secondary rate limit."}""", ("retry-after", "1")),
            new HttpReceiver.Reply(200, FailedBuildLog));
        var (owner, reader) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github", Token, github.Url(""));

        var jobId = await DeliverGithubFailureAsync(path, secret);

        await RunningApi.WaitForAsync(async () => (await reader.GetAsync($"/api/v1/jobs/{jobId}/log")).StatusCode == HttpStatusCode.OK);
        var asked = github.To(GithubJobLogs);
        Assert.Equal(2, asked.Count);
        Assert.True(asked[1].At - asked[0].At >= TimeSpan.FromSeconds(1), $"retried {asked[1].At - asked[0].At} after the first request");
        Assert.Equal(1, await FetchRowAsync<int>(hookId, "attempts"));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_the_log_then_stored()
    {
        await using var github = await HttpReceiver.StartAsync();
        github.Answer(GithubJobLogs, (500, "Internal Server Error"), (200, FailedBuildLog));
        var (owner, reader) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github", Token, github.Url(""));

        var jobId = await DeliverGithubFailureAsync(path, secret);

        await RunningApi.WaitForAsync(async () => (await reader.GetAsync($"/api/v1/jobs/{jobId}/log")).StatusCode == HttpStatusCode.OK);
        Assert.Equal(2, github.To(GithubJobLogs).Count);
        Assert.Equal(2, await FetchRowAsync<int>(hookId, "attempts"));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times()
    {
        await using var github = await HttpReceiver.StartAsync();
        github.Answer(GithubJobLogs, (503, "unavailable"));
        var (owner, _) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github", Token, github.Url(""));

        var jobId = await DeliverGithubFailureAsync(path, secret);

        await RunningApi.WaitForAsync(async () => await FetchRowAsync<object>(hookId, "outcome") is string);
        Assert.Equal("gave_up", await FetchRowAsync<string>(hookId, "outcome"));
        Assert.Equal(3, github.To(GithubJobLogs).Count);
        Assert.Contains("Gave up after 3 attempts", (await HookStateAsync(owner, hookId)).GetProperty("providerApi").GetProperty("lastFetchError").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_fetched_and_a_successful_job_is_never_fetched()
    {
        await using var github = await HttpReceiver.StartAsync();
        var (owner, _) = await TenantAsync();
        var (withoutToken, path, secret) = await HookAsync(owner, "github", null, github.Url(""));
        await DeliverGithubFailureAsync(path, secret);

        var (other, _) = await TenantAsync();
        var (withToken, tokenPath, tokenSecret) = await HookAsync(other, "github", Token, github.Url(""));
        await DeliverGithubAsync(tokenPath, tokenSecret, "github/workflow_job.completed.success.with-organization.payload.json");

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.log_fetches WHERE webhook_id IN ('{withoutToken}', '{withToken}')"));
        Assert.Empty(github.Requests);
    }

    [Fact]
    public async Task The_token_is_stored_encrypted_never_shown_and_can_be_cleared()
    {
        var (owner, _) = await TenantAsync();
        var (hookId, _, _) = await HookAsync(owner, "github", null, null);
        Assert.False((await HookStateAsync(owner, hookId)).GetProperty("providerApi").GetProperty("tokenSet").GetBoolean());

        // GitHub Enterprise's API lives under /api/v3 (a trusted internal address here, as an operator would list it).
        var set = await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { token = Token, apiBaseUrl = $"http://{HttpReceiver.Address}:8443/api/v3/" });
        var body = await set.Content.ReadAsStringAsync();
        Assert.True(set.StatusCode == HttpStatusCode.OK, body);
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
        var state = (await HookStateAsync(owner, hookId)).GetProperty("providerApi");
        Assert.True(state.GetProperty("tokenSet").GetBoolean());
        Assert.Equal($"http://{HttpReceiver.Address}:8443/api/v3", state.GetProperty("apiBaseUrl").GetString());
        var stored = await Api.Database.ScalarAsync<string>($"SELECT token_protected FROM catalog.webhook_tokens WHERE webhook_id = '{hookId}'");
        Assert.DoesNotContain(Token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("readonlyactions", stored, StringComparison.Ordinal);

        // Changing only the address keeps the token; an empty token clears it, an empty address resets it.
        await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { apiBaseUrl = $"http://{HttpReceiver.Address}:9443/api/v3" });
        Assert.True((await HookStateAsync(owner, hookId)).GetProperty("providerApi").GetProperty("tokenSet").GetBoolean());
        var cleared = await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { token = "", apiBaseUrl = "" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        state = (await HookStateAsync(owner, hookId)).GetProperty("providerApi");
        Assert.False(state.GetProperty("tokenSet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("apiBaseUrl").ValueKind);
        var audit = await Api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM catalog.audit_log WHERE action IN ('webhook.token_set', 'webhook.token_cleared') AND target = 'github org'");
        Assert.True(audit >= 2);
    }

    [Fact]
    public async Task Bad_tokens_addresses_and_providers_are_refused_and_leave_nothing_behind()
    {
        var (owner, _) = await TenantAsync();
        var (hookId, _, _) = await HookAsync(owner, "github", null, null);

        var problem = await ProblemAssert.IsProblemAsync(
            await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { apiBaseUrl = "http://127.0.0.1:8080" }), 400);
        Assert.Contains("own network", problem.GetProperty("errors").GetProperty("apiBaseUrl")[0].GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { apiBaseUrl = "ftp://example.com" }), 400);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { token = "two words" }), 400);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookId}", new { }), 400);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{Guid.NewGuid()}", new { token = "x" }), 404);
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.webhook_tokens WHERE webhook_id = '{hookId}'"));

        var (jenkins, _, _) = await HookAsync(owner, "jenkins", null, null);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{jenkins}", new { token = "x" }), 400);
        Assert.Equal(JsonValueKind.Null, (await HookStateAsync(owner, jenkins)).GetProperty("providerApi").ValueKind);

        // Creating a hook with a refused address creates no hook.
        var before = (await owner.JsonAsync("/api/v1/hooks")).GetArrayLength();
        await ProblemAssert.IsProblemAsync(
            await owner.PostAsync("/api/v1/hooks", new { provider = "gitlab", name = "internal", token = "glpat-x", apiBaseUrl = "http://10.0.0.5" }), 400);
        await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/hooks", new { provider = "jenkins", name = "j", token = "x" }), 400);
        Assert.Equal(before, (await owner.JsonAsync("/api/v1/hooks")).GetArrayLength());
    }

    [Fact]
    public async Task Another_tenant_can_neither_see_nor_change_a_hook_token_and_a_reader_cannot_set_one()
    {
        await using var github = await HttpReceiver.StartAsync();
        github.Answer(GithubJobLogs, (200, FailedBuildLog));
        var (ownerA, readerA) = await TenantAsync();
        var (ownerB, readerB) = await TenantAsync();
        var (hookA, pathA, secretA) = await HookAsync(ownerA, "github", Token, github.Url(""));

        await ProblemAssert.IsProblemAsync(await ownerB.SendAsync(HttpMethod.Patch, $"/api/v1/hooks/{hookA}", new { token = "" }), 404);
        Assert.DoesNotContain(hookA.ToString(), (await ownerB.JsonAsync("/api/v1/hooks")).ToString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await readerA.PatchAsJsonAsync($"/api/v1/hooks/{hookA}", new { token = "" }), 403);
        Assert.True((await HookStateAsync(ownerA, hookA)).GetProperty("providerApi").GetProperty("tokenSet").GetBoolean());

        // The download runs as the hook's own tenant: the log lands in A's job, and B has no such job.
        var jobId = await DeliverGithubFailureAsync(pathA, secretA);
        await RunningApi.WaitForAsync(async () => (await readerA.GetAsync($"/api/v1/jobs/{jobId}/log")).StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await readerB.GetAsync($"/api/v1/jobs/{jobId}/log")).StatusCode);
    }

    /// <summary>GitLab's documented example is JSON with // comments and trailing commas: both removed (outside strings).</summary>
    private static string JsonWithoutComments(string jsonc)
    {
        var text = new StringBuilder(jsonc.Length);
        var inString = false;
        for (var i = 0; i < jsonc.Length; i++)
        {
            var c = jsonc[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\') text.Append(jsonc[++i]);
                else if (c == '"') inString = false;
            }
            else if (c == '/' && i + 1 < jsonc.Length && jsonc[i + 1] == '/')
            {
                while (i < jsonc.Length && jsonc[i] != '\n') i++;
                text.Append('\n');
            }
            else
            {
                inString = c == '"';
                text.Append(c);
            }
        }

        return JsonNode.Parse(text.ToString(), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!.ToJsonString();
    }
}
