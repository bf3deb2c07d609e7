using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.TestSupport;
using NpgsqlTypes;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Deliveries Faultline cannot store are kept as dead letters, never dropped: replayed with GitHub's own published
/// examples, as GitHub sends them (JSON or form-encoded, signed over the raw body).
/// </summary>
public sealed partial class WebhookTests
{
    private const string FailedJob = "workflow_job.completed.failure.with-organization.payload.json";
    private const string FailedJobId = "289782451";

    private static string Published(string name) =>
        File.ReadAllText(Path.Combine(TestStack.RepositoryRoot, "..", "shared", "fixtures", "github", name));

    /// <summary>A published example without one field, as a provider's bug or an unforeseen shape would send it.</summary>
    private static string Without(string json, params string[] path)
    {
        var root = JsonNode.Parse(json)!;
        path[..^1].Aggregate(root, (node, name) => node[name]!).AsObject().Remove(path[^1]);
        return root.ToJsonString();
    }

    /// <summary>The body GitHub sends with content type application/x-www-form-urlencoded (spaces as '+', as it encodes them).</summary>
    private static string Form(string json) => "payload=" + Uri.EscapeDataString(json).Replace("%20", "+", StringComparison.Ordinal);

    private async Task<HttpResponseMessage> DeliverGithubAsync(string path, string secret, string eventType, string? deliveryId, string body,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-GitHub-Event", eventType);
        request.Headers.Add("X-Hub-Signature-256", Sign(secret, body));
        if (deliveryId is not null) request.Headers.Add("X-GitHub-Delivery", deliveryId);
        return await Api.Client.SendAsync(request);
    }

    private static async Task<string?> OutcomeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString();
    }

    private static async Task<JsonElement[]> DeadLettersAsync(ApiSession owner, string query = "") =>
        (await owner.JsonAsync("/api/v1/hooks/dead-letters" + query)).GetProperty("items").EnumerateArray().ToArray();

    /// <summary>
    /// A dead letter as an earlier Faultline kept it when its mapping refused GitHub's published example: a fix is a
    /// deployment, which a test cannot make, so the row is written as the delivery endpoint writes it.
    /// </summary>
    private async Task<Guid> KeptByAnEarlierVersionAsync(string schema, Guid hookId, string deliveryId, string body)
    {
        var id = Guid.NewGuid();
        await using var source = Api.Database.CreateDataSource();
        await using var insert = source.CreateCommand($"""
            INSERT INTO {schema}.webhook_dead_letters (id, hook_id, provider, event_type, delivery_id, content_type, headers, body, reasons,
                attempts, received_at, last_attempt_at)
            VALUES ($1, $2, 'github', 'workflow_job', $3, 'application/json', jsonb_build_object(), $4, ARRAY['job: pipeline is required'],
                1, now(), now())
            """);
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = hookId });
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = deliveryId });
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Encoding.UTF8.GetBytes(body), NpgsqlDbType = NpgsqlDbType.Bytea });
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>The job is stored, no dead letter is left, and the delivery id is recorded: GitHub's next redelivery is "redelivered".</summary>
    private async Task AssertStoredAndRecordedAsync(ApiSession owner, string schema, Guid hookId, string path, string secret, string deliveryId)
    {
        Assert.Equal(1L, await StoredJobsAsync(schema));
        Assert.Empty(await DeadLettersAsync(owner));
        Assert.Equal(1L, await RecordedDeliveriesAsync(hookId));
        Assert.Equal("redelivered", await OutcomeAsync(await DeliverGithubAsync(path, secret, "workflow_job", deliveryId, Published(FailedJob))));
    }

    private async Task<long> StoredJobsAsync(string schema) =>
        await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.job_runs WHERE external_id = '{FailedJobId}'");

    private async Task<long> RecordedDeliveriesAsync(Guid hookId) =>
        await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.webhook_deliveries WHERE webhook_id = '{hookId}'");

    [Fact]
    public async Task A_job_that_cannot_be_stored_is_a_dead_letter_until_its_redelivery_is_stored()
    {
        var (owner, _, schema) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github");
        var published = Published(FailedJob);
        var broken = Without(published, "workflow_job", "id");

        var refused = await ProblemAssert.IsProblemAsync(await DeliverGithubAsync(path, secret, "workflow_job", "gh-1", broken), 422);
        var deadLetterId = refused.GetProperty("deadLetterId").GetGuid();
        Assert.Contains("externalId is required", refused.GetProperty("reasons")[0].GetString());

        var listed = Assert.Single(await DeadLettersAsync(owner));
        Assert.Equal(deadLetterId, listed.GetProperty("id").GetGuid());
        Assert.Equal("github org", listed.GetProperty("hookName").GetString());
        Assert.Equal("workflow_job", listed.GetProperty("eventType").GetString());
        Assert.Equal("gh-1", listed.GetProperty("deliveryId").GetString());
        Assert.Equal(1, listed.GetProperty("attempts").GetInt32());
        Assert.Equal(0L, await RecordedDeliveriesAsync(hookId));

        // GitHub's "Redeliver" is processed again, not answered "redelivered": the same dead letter counts the attempt.
        var again = await ProblemAssert.IsProblemAsync(await DeliverGithubAsync(path, secret, "workflow_job", "gh-1", broken), 422);
        Assert.Equal(deadLetterId, again.GetProperty("deadLetterId").GetGuid());
        Assert.Equal(2, (await owner.JsonAsync($"/api/v1/hooks/dead-letters/{deadLetterId}")).GetProperty("deadLetter").GetProperty("attempts").GetInt32());

        // The provider fixed its payload: the redelivery is stored, resolves the dead letter and is recorded.
        Assert.Equal("processed", await OutcomeAsync(await DeliverGithubAsync(path, secret, "workflow_job", "gh-1", published)));
        await AssertStoredAndRecordedAsync(owner, schema, hookId, path, secret, "gh-1");
    }

    [Fact]
    public async Task A_form_encoded_delivery_is_verified_on_the_raw_form_and_stored()
    {
        var (owner, _, schema) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        var form = Form(Published(FailedJob));

        var response = await DeliverGithubAsync(path, secret, "workflow_job", "gh-form", form, "application/x-www-form-urlencoded");

        Assert.Equal("processed", await OutcomeAsync(response));
        Assert.Equal(1L, await StoredJobsAsync(schema));
    }

    [Fact]
    public async Task A_bad_form_is_a_400_and_a_form_signed_over_its_json_is_a_401()
    {
        var (owner, _, schema) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        const string formType = "application/x-www-form-urlencoded";
        var json = Published(FailedJob);

        await ProblemAssert.IsProblemAsync(await DeliverGithubAsync(path, secret, "workflow_job", "f-1", "zen=" + Uri.EscapeDataString(json), formType), 400);
        await ProblemAssert.IsProblemAsync(await DeliverGithubAsync(path, secret, "workflow_job", "f-2", Form("{\"workflow_job\": "), formType), 400);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Form(json), Encoding.UTF8, formType) };
        request.Headers.Add("X-GitHub-Event", "workflow_job");
        request.Headers.Add("X-Hub-Signature-256", Sign(secret, json));
        await ProblemAssert.IsProblemAsync(await Api.Client.SendAsync(request), 401);

        Assert.Equal(0L, await StoredJobsAsync(schema));
        Assert.Empty(await DeadLettersAsync(owner));
    }

    [Fact]
    public async Task A_dead_letter_shows_what_github_sent_is_replayed_as_it_came_and_can_be_discarded()
    {
        var (owner, _, _) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        var json = Without(Published(FailedJob), "workflow_job");

        var refused = await ProblemAssert.IsProblemAsync(
            await DeliverGithubAsync(path, secret, "workflow_job", "gh-2", Form(json), "application/x-www-form-urlencoded"), 422);
        var id = refused.GetProperty("deadLetterId").GetGuid();

        var detail = await owner.JsonAsync($"/api/v1/hooks/dead-letters/{id}");
        Assert.Equal(json, detail.GetProperty("payload").GetString());
        Assert.Equal("application/x-www-form-urlencoded", detail.GetProperty("contentType").GetString()?.Split(';')[0]);
        Assert.Equal("gh-2", detail.GetProperty("headers").GetProperty("X-GitHub-Delivery").GetString());
        Assert.False(detail.GetProperty("headers").TryGetProperty("X-Hub-Signature-256", out _));
        Assert.Contains("workflow_job: The payload has no 'workflow_job'.", detail.GetProperty("deadLetter").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // Today's mapping still cannot store it: the replay reports why and counts the attempt.
        var replayed = await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Post, $"/api/v1/hooks/dead-letters/{id}/replay"), 422);
        Assert.Equal(id, replayed.GetProperty("deadLetterId").GetGuid());
        Assert.Equal(2, (await owner.JsonAsync($"/api/v1/hooks/dead-letters/{id}")).GetProperty("deadLetter").GetProperty("attempts").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/hooks/dead-letters/{id}")).StatusCode);
        Assert.Empty(await DeadLettersAsync(owner));
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Post, $"/api/v1/hooks/dead-letters/{id}/replay"), 404);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Delete, $"/api/v1/hooks/dead-letters/{id}"), 404);
        var actions = (await owner.JsonAsync("/api/v1/audit")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("webhook.replay_failed", actions);
        Assert.Contains("webhook.delivery_discarded", actions);
    }

    [Fact]
    public async Task A_replay_stores_a_dead_letter_once_faultline_accepts_its_content_and_records_its_delivery()
    {
        var (owner, _, schema) = await TenantAsync();
        var (hookId, path, secret) = await HookAsync(owner, "github");
        var id = await KeptByAnEarlierVersionAsync(schema, hookId, "gh-old", Published(FailedJob));

        Assert.Equal("processed", await OutcomeAsync(await owner.SendAsync(HttpMethod.Post, $"/api/v1/hooks/dead-letters/{id}/replay")));

        await AssertStoredAndRecordedAsync(owner, schema, hookId, path, secret, "gh-old");
        Assert.Contains("webhook.replayed",
            (await owner.JsonAsync("/api/v1/audit")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_dead_letter_of_a_deleted_hook_is_still_replayed_into_the_tenant()
    {
        var (owner, _, schema) = await TenantAsync();
        var (hookId, _, _) = await HookAsync(owner, "github");
        var id = await KeptByAnEarlierVersionAsync(schema, hookId, "gh-gone", Published(FailedJob));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/hooks/{hookId}")).StatusCode);
        Assert.Equal(JsonValueKind.Null, Assert.Single(await DeadLettersAsync(owner)).GetProperty("hookName").ValueKind);

        Assert.Equal("processed", await OutcomeAsync(await owner.SendAsync(HttpMethod.Post, $"/api/v1/hooks/dead-letters/{id}/replay")));

        Assert.Equal(1L, await StoredJobsAsync(schema));
        Assert.Empty(await DeadLettersAsync(owner));
    }

    [Fact]
    public async Task Dead_letters_are_kept_per_tenant_and_managed_by_admins_only()
    {
        var (ownerA, _, _) = await TenantAsync();
        var (ownerB, _, _) = await TenantAsync();
        var (_, path, secret) = await HookAsync(ownerA, "github");
        var refused = await ProblemAssert.IsProblemAsync(
            await DeliverGithubAsync(path, secret, "workflow_job", "gh-3", Without(Published(FailedJob), "workflow_job", "id")), 422);
        var id = refused.GetProperty("deadLetterId").GetGuid();
        var (member, _, _) = await Teams.JoinAsync(ownerA, "member");

        Assert.Empty(await DeadLettersAsync(ownerB));
        await ProblemAssert.IsProblemAsync(await ownerB.GetAsync($"/api/v1/hooks/dead-letters/{id}"), 404);
        await ProblemAssert.IsProblemAsync(await ownerB.SendAsync(HttpMethod.Post, $"/api/v1/hooks/dead-letters/{id}/replay"), 404);
        await ProblemAssert.IsProblemAsync(await ownerB.SendAsync(HttpMethod.Delete, $"/api/v1/hooks/dead-letters/{id}"), 404);
        await ProblemAssert.IsProblemAsync(await member.GetAsync("/api/v1/hooks/dead-letters"), 403);
        await ProblemAssert.IsProblemAsync(await member.SendAsync(HttpMethod.Post, $"/api/v1/hooks/dead-letters/{id}/replay"), 403);
        await ProblemAssert.IsProblemAsync(await ownerA.GetAsync($"/api/v1/hooks/dead-letters/{Guid.NewGuid()}"), 404);
        await ProblemAssert.IsProblemAsync(await ownerA.GetAsync("/api/v1/hooks/dead-letters?cursor=nonsense"), 400);

        Assert.Equal(id, Assert.Single(await DeadLettersAsync(ownerA)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Dead_letters_are_listed_newest_first_in_pages()
    {
        var (owner, _, _) = await TenantAsync();
        var (_, path, secret) = await HookAsync(owner, "github");
        var broken = Without(Published(FailedJob), "workflow_job", "id");
        foreach (var delivery in new[] { "p-1", "p-2", "p-3" })
            await ProblemAssert.IsProblemAsync(await DeliverGithubAsync(path, secret, "workflow_job", delivery, broken), 422);

        var first = await owner.JsonAsync("/api/v1/hooks/dead-letters?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await owner.JsonAsync($"/api/v1/hooks/dead-letters?limit=2&cursor={cursor}");

        Assert.Equal(["p-3", "p-2", "p-1"], first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("deliveryId").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        await ProblemAssert.IsProblemAsync(await owner.GetAsync("/api/v1/hooks/dead-letters?limit=0"), 400);
    }
}
