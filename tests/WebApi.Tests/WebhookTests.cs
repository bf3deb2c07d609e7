using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>Provider webhooks with the providers' published example payloads, against the real PostgreSQL.</summary>
public sealed partial class WebhookTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    private const string GithubRun = "github/workflow_run.completed.payload.json";

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private async Task<(ApiSession Owner, HttpClient Reader, string Schema)> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("hooks"));
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var (reader, _) = await Teams.KeyAsync(owner, "read");
        return (owner, reader, schema);
    }

    private static async Task<(Guid Id, string Path, string Secret)> HookAsync(ApiSession owner, string provider)
    {
        var response = await owner.PostAsync("/api/v1/hooks", new { provider, name = $"{provider} org" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var hook = created.GetProperty("hook");
        return (hook.GetProperty("id").GetGuid(), new Uri(hook.GetProperty("url").GetString()!).AbsolutePath, created.GetProperty("secret").GetString()!);
    }

    private async Task<HttpResponseMessage> DeliverAsync(string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return await Api.Client.SendAsync(request);
    }

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task Github_deliveries_become_runs_and_jobs_and_a_redelivery_is_recognised()
    {
        var (owner, reader, _) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        var run = ProviderFixtures.Read(GithubRun);
        var job = ProviderFixtures.Read("github/workflow_job.completed.failure.with-organization.payload.json");

        var first = await DeliverAsync(path, run, ("X-GitHub-Event", "workflow_run"), ("X-GitHub-Delivery", "d-1"), ("X-Hub-Signature-256", Sign(secret, run)));
        await DeliverAsync(path, job, ("X-GitHub-Event", "workflow_job"), ("X-GitHub-Delivery", "d-2"), ("X-Hub-Signature-256", Sign(secret, job)));
        var again = await DeliverAsync(path, run, ("X-GitHub-Event", "workflow_run"), ("X-GitHub-Delivery", "d-1"), ("X-Hub-Signature-256", Sign(secret, run)));

        Assert.Equal("processed", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("redelivered", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var stored = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/runs")).GetProperty("items")[0];
        Assert.Equal("octo-org/octo-repo", stored.GetProperty("repository").GetString());
        Assert.Equal("success", stored.GetProperty("status").GetString());
        // The examples' job belongs to another run than the examples' run.
        var storedJob = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("items")[0];
        Assert.Equal("linters", storedJob.GetProperty("name").GetString());
        Assert.Equal("GitHub Actions 5", storedJob.GetProperty("runner").GetString());
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_401_and_stores_nothing()
    {
        var (owner, _, schema) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        var run = ProviderFixtures.Read(GithubRun);

        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, run, ("X-GitHub-Event", "workflow_run"), ("X-Hub-Signature-256", Sign(secret + "x", run))), 401);
        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, run, ("X-GitHub-Event", "workflow_run")), 401);
        // A body changed after signing.
        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, run.Replace("\"success\"", "\"failure\"", StringComparison.Ordinal),
            ("X-GitHub-Event", "workflow_run"), ("X-Hub-Signature-256", Sign(secret, run))), 401);
        await ProblemAssert.IsProblemAsync(await DeliverAsync($"/api/v1/hooks/github/{Guid.NewGuid()}", run,
            ("X-GitHub-Event", "workflow_run"), ("X-Hub-Signature-256", Sign(secret, run))), 401);
        // The right hook under another provider's path.
        await ProblemAssert.IsProblemAsync(await DeliverAsync(path.Replace("/github/", "/gitlab/", StringComparison.Ordinal), run,
            ("X-Gitlab-Event", "Pipeline Hook"), ("X-Gitlab-Token", secret)), 401);

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.pipeline_runs"));
    }

    [Fact]
    public async Task Gitlab_pipeline_and_job_hooks_are_verified_by_token()
    {
        var (owner, reader, _) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "gitlab");

        var pipeline = ProviderFixtures.Read("gitlab/pipeline_hook.doc.json");
        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, pipeline, ("X-Gitlab-Event", "Pipeline Hook"), ("X-Gitlab-Token", "wrong")), 401);
        Assert.Equal(HttpStatusCode.OK,
            (await DeliverAsync(path, pipeline, ("X-Gitlab-Event", "Pipeline Hook"), ("X-Gitlab-Token", secret))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(path, ProviderFixtures.Read("gitlab/job_hook.doc.jsonc"), ("X-Gitlab-Event", "Job Hook"),
            ("X-Gitlab-Token", secret))).StatusCode);

        var run = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/runs?provider=gitlab")).GetProperty("items")[0];
        Assert.Equal("gitlab-org/gitlab-test", run.GetProperty("repository").GetString());
        Assert.Equal(93_000, run.GetProperty("durationMs").GetInt64());
        var jobs = (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{run.GetProperty("id").GetInt64()}")).GetProperty("jobs");
        Assert.Equal("build-image", jobs[0].GetProperty("name").GetString());
        Assert.Equal("success", jobs[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Events_a_hook_does_not_track_are_acknowledged_and_ignored()
    {
        var (owner, _, schema) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        const string ping = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";

        var response = await DeliverAsync(path, ping, ("X-GitHub-Event", "ping"), ("X-Hub-Signature-256", Sign(secret, ping)));

        Assert.Equal("ignored", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.repositories"));
    }

    [Fact]
    public async Task Hooks_are_managed_by_admins_shown_without_secrets_and_kept_per_tenant()
    {
        var (ownerA, _, _) = await TenantAsync();
        var (ownerB, _, schemaB) = await TenantAsync();
        var (hookB, pathB, secretB) = await HookAsync(ownerB, "github");
        var (member, _, _) = await Teams.JoinAsync(ownerA, "member");

        Assert.DoesNotContain(secretB, (await ownerB.JsonAsync("/api/v1/hooks")).ToString());
        Assert.DoesNotContain(hookB.ToString(), (await ownerA.JsonAsync("/api/v1/hooks")).ToString());
        await ProblemAssert.IsProblemAsync(await ownerA.SendAsync(HttpMethod.Delete, $"/api/v1/hooks/{hookB}"), 404);
        await ProblemAssert.IsProblemAsync(await member.PostAsync("/api/v1/hooks", new { provider = "github", name = "x" }), 403);
        await ProblemAssert.IsProblemAsync(await ownerA.PostAsync("/api/v1/hooks", new { provider = "bitbucket", name = "x" }), 400);

        // B's deliveries land in B; once deleted, the hook refuses them.
        var run = ProviderFixtures.Read(GithubRun);
        await DeliverAsync(pathB, run, ("X-GitHub-Event", "workflow_run"), ("X-Hub-Signature-256", Sign(secretB, run)));
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schemaB}.pipeline_runs"));
        Assert.Equal(HttpStatusCode.NoContent, (await ownerB.SendAsync(HttpMethod.Delete, $"/api/v1/hooks/{hookB}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await DeliverAsync(pathB, run, ("X-GitHub-Event", "workflow_run"), ("X-Hub-Signature-256", Sign(secretB, run))), 401);
    }

    [Fact]
    public async Task A_malformed_delivery_is_a_400()
    {
        var (owner, _, _) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        const string broken = "{\"workflow_run\": ";

        await ProblemAssert.IsProblemAsync(await DeliverAsync(path, broken, ("X-GitHub-Event", "workflow_run"), ("X-Hub-Signature-256", Sign(secret, broken))), 400);
    }
}
