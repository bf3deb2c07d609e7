using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// A tenant trains its own model on its labelled jobs over HTTP, and the guard decides whether it may serve: real PostgreSQL,
/// the shipped ONNX models, and the trained model served by ONNX Runtime for that tenant only.
/// </summary>
public sealed class TenantModelApiTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private static readonly string[] Modules = ["Orders", "Billing", "Cart", "Search", "Users", "Reports", "Payments", "Stock", "Mail", "Auth", "Audit", "Export"];

    private RunningApi Api => fixture.Api;

    /// <summary>A C# compile failure; the n-th varies the project, the file and the error.</summary>
    private static string CompileLog(int n) => $"""
        Run dotnet build --configuration Release
          Determining projects to restore...
          All projects are up-to-date for restore.
        /home/runner/work/shop/shop/src/{Modules[n % Modules.Length]}/{Modules[(n + 5) % Modules.Length]}Service.cs({10 + n},{3 + n % 9}): error CS{1002 + n % 4}: ; expected [/home/runner/work/shop/shop/src/{Modules[n % Modules.Length]}/{Modules[n % Modules.Length]}.csproj]
        Build FAILED.
            0 Warning(s)
            1 Error(s)
        ##[error]Process completed with exit code 1.
        """;

    /// <summary>A failing pytest run; the n-th varies the module, the test and the values.</summary>
    private static string TestLog(int n) => $"""
        $ python -m pytest -q
        ........F.....
        =================================== FAILURES ===================================
        _________________________ test_{Modules[n % Modules.Length].ToLowerInvariant()}_total _________________________
            def test_{Modules[n % Modules.Length].ToLowerInvariant()}_total():
        >       assert total({n}) == {n + 1}
        E       AssertionError: assert {n} == {n + 1}
        tests/test_{Modules[(n + 3) % Modules.Length].ToLowerInvariant()}.py:{20 + n}: AssertionError
        =========================== short test summary info ============================
        FAILED tests/test_{Modules[(n + 3) % Modules.Length].ToLowerInvariant()}.py::test_{Modules[n % Modules.Length].ToLowerInvariant()}_total - AssertionError
        ========================= 1 failed, {13 + n} passed in 0.42s =========================
        The command "python -m pytest -q" exited with 1.
        """;

    private async Task<(ApiSession Owner, HttpClient Key)> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("tenant-model"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read", "predict");
        return (owner, key);
    }

    private static async Task LabelAsync(HttpClient key, long jobId, string category)
    {
        var response = await key.PostAsJsonAsync("/api/v1/feedback", new { jobId, category });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Labels 12 compile failures "configuration" (this tenant's own convention, which the shipped model cannot know) and 12
    /// test failures "test".
    /// </summary>
    private static async Task LabelWithOwnConventionAsync(HttpClient key)
    {
        for (var n = 0; n < 12; n++)
        {
            await LabelAsync(key, await ClassificationApiTests.JobWithLogAsync(key, CompileLog(n)), "configuration");
            await LabelAsync(key, await ClassificationApiTests.JobWithLogAsync(key, TestLog(n)), "test");
        }
    }

    private static async Task<JsonElement> TrainAsync(ApiSession owner)
    {
        var response = await owner.PostAsync("/api/v1/models/tenant", new { });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("/api/v1/models/tenant", response.Headers.Location?.OriginalString);
        return body;
    }

    [Fact]
    public async Task A_model_that_beats_the_shipped_one_on_the_tenants_labels_is_activated_and_classifies_that_tenants_jobs_only()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        await LabelWithOwnConventionAsync(key);
        var before = await owner.JsonAsync("/api/v1/models/tenant");
        Assert.Equal((12, 12), (before.GetProperty("labelled").GetProperty("configuration").GetInt32(), before.GetProperty("labelled").GetProperty("test").GetInt32()));
        Assert.Empty(before.GetProperty("items").EnumerateArray());

        var trained = await TrainAsync(owner);
        var card = trained.GetProperty("card");
        var version = card.GetProperty("version").GetString()!;
        Assert.StartsWith("tenant-", version, StringComparison.Ordinal);
        Assert.Equal(24, card.GetProperty("labels").GetInt32());
        Assert.Equal(12, card.GetProperty("perClass").GetProperty("configuration").GetInt32());
        Assert.Equal(5, card.GetProperty("folds").GetInt32());
        Assert.False(string.IsNullOrEmpty(card.GetProperty("featurizerVersion").GetString()));
        var shipped = (await owner.JsonAsync("/api/v1/models")).GetProperty("assignment").GetProperty("active").GetString();
        Assert.Equal(shipped, card.GetProperty("shippedModel").GetString());
        Assert.True(card.GetProperty("outOfFoldAccuracy").GetDouble() > card.GetProperty("shippedAccuracy").GetDouble(), card.ToString());
        Assert.True(trained.GetProperty("canActivate").GetBoolean(), trained.ToString());
        Assert.False(trained.GetProperty("active").GetBoolean());

        // Another tenant sees nothing of it and can neither activate nor delete it.
        var (other, otherKey) = await TenantAsync();
        using var otherSession = other;
        Assert.Empty((await other.JsonAsync("/api/v1/models/tenant")).GetProperty("items").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await other.PostAsync($"/api/v1/models/tenant/{version}/activate", new { }), 404);
        await ProblemAssert.IsProblemAsync(await other.SendAsync(HttpMethod.Delete, $"/api/v1/models/tenant/{version}"), 404);

        var activated = await owner.PostAsync($"/api/v1/models/tenant/{version}/activate", new { });
        var assignment = await activated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(activated.IsSuccessStatusCode, assignment.ToString());
        Assert.Equal(version, assignment.GetProperty("assignment").GetProperty("active").GetString());
        Assert.Equal(shipped, assignment.GetProperty("assignment").GetProperty("challenger").GetString());
        Assert.True(assignment.GetProperty("requeued").GetInt32() >= 0);
        var listed = Assert.Single((await owner.JsonAsync("/api/v1/models/tenant")).GetProperty("items").EnumerateArray());
        Assert.True(listed.GetProperty("active").GetBoolean());

        // The tenant's new failures are classified by its model, by its convention; the other tenant's by the shipped model.
        var mine = await ClassificationApiTests.JobWithLogAsync(key, CompileLog(40));
        var stored = await ClassificationApiTests.ClassificationAsync(key, mine, c => c.GetProperty("modelVersion").GetString() == version);
        Assert.Equal("configuration", stored.GetProperty("category").GetString());
        var predicted = await key.PostAsJsonAsync("/api/v1/predict", new { log = CompileLog(41) });
        var prediction = await predicted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(predicted.IsSuccessStatusCode, prediction.ToString());
        Assert.Equal((version, "configuration"), (prediction.GetProperty("modelVersion").GetString(), prediction.GetProperty("category").GetString()));
        Assert.NotEmpty(prediction.GetProperty("keyLines").EnumerateArray());

        var theirs = await ClassificationApiTests.JobWithLogAsync(otherKey, CompileLog(40));
        var theirClassification = await ClassificationApiTests.ClassificationAsync(otherKey, theirs);
        Assert.Equal((shipped, "compilation"),
            (theirClassification.GetProperty("modelVersion").GetString(), theirClassification.GetProperty("category").GetString()));

        // Back to the shipped model: the trained one is kept, and the tenant's jobs are classified by the shipped model again.
        var deactivated = await owner.PostAsync("/api/v1/models/tenant/deactivate", new { });
        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());
        var shippedAgain = await ClassificationApiTests.JobWithLogAsync(key, CompileLog(42));
        Assert.Equal(shipped, (await ClassificationApiTests.ClassificationAsync(key, shippedAgain)).GetProperty("modelVersion").GetString());
        Assert.False(Assert.Single((await owner.JsonAsync("/api/v1/models/tenant")).GetProperty("items").EnumerateArray()).GetProperty("active").GetBoolean());

        // Deleting the active model returns the tenant to the shipped model too.
        Assert.True((await owner.PostAsync($"/api/v1/models/tenant/{version}/activate", new { })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(HttpMethod.Delete, $"/api/v1/models/tenant/{version}")).StatusCode);
        Assert.Empty((await owner.JsonAsync("/api/v1/models/tenant")).GetProperty("items").EnumerateArray());
        Assert.Equal(shipped, (await owner.JsonAsync("/api/v1/models")).GetProperty("assignment").GetProperty("active").GetString());
        var audit = (await owner.JsonAsync("/api/v1/audit")).ToString();
        Assert.Contains("models.tenant.trained", audit, StringComparison.Ordinal);
        Assert.Contains("models.tenant.activated", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_no_better_than_the_shipped_one_is_refused_with_the_figures_and_the_shipped_model_keeps_serving()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        // People confirm what the shipped model said: it is right on every labelled job, so nothing can beat it.
        for (var n = 0; n < 11; n++)
        {
            foreach (var log in new[] { CompileLog(n), TestLog(n) })
            {
                var jobId = await ClassificationApiTests.JobWithLogAsync(key, log);
                await LabelAsync(key, jobId, (await ClassificationApiTests.ClassificationAsync(key, jobId)).GetProperty("category").GetString()!);
            }
        }

        var trained = await TrainAsync(owner);
        Assert.Equal(1.0, trained.GetProperty("card").GetProperty("shippedAccuracy").GetDouble());
        Assert.False(trained.GetProperty("canActivate").GetBoolean());
        var version = trained.GetProperty("card").GetProperty("version").GetString();

        var refused = await ProblemAssert.IsProblemAsync(await owner.PostAsync($"/api/v1/models/tenant/{version}/activate", new { }), 409);
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("100.0", detail, StringComparison.Ordinal);
        Assert.Contains("must do better", detail, StringComparison.Ordinal);
        Assert.Equal(trained.GetProperty("refusal").GetString(), detail);
        var shipped = (await owner.JsonAsync("/api/v1/models")).GetProperty("assignment").GetProperty("active").GetString();
        Assert.DoesNotContain("tenant-", shipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_made_by_another_featurizer_version_is_stale_never_served_and_cannot_be_activated()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        await LabelWithOwnConventionAsync(key);
        var version = (await TrainAsync(owner)).GetProperty("card").GetProperty("version").GetString()!;
        var tenantId = (await owner.MeAsync()).GetProperty("tenant").GetProperty("id").GetGuid();
        var schema = await Api.Database.ScalarAsync<string>($"SELECT schema_name FROM catalog.tenants WHERE id = '{tenantId}'");
        // As if the server had moved on to another featurizer since training, with the tenant still naming the model.
        await Api.Database.ScalarAsync<int>($$"""
            WITH stale AS (UPDATE {{schema}}.tenant_models SET featurizer_version = 'fl-feat-0',
                                  card = jsonb_set(card, '{featurizerVersion}', '"fl-feat-0"') RETURNING 1),
                 chosen AS (UPDATE {{schema}}.settings SET classifier_model = '{{version}}', challenger_model = NULL, challenger_share = 0 RETURNING 1)
            SELECT (SELECT count(*) FROM stale)::int + (SELECT count(*) FROM chosen)::int
            """);

        var listed = Assert.Single((await owner.JsonAsync("/api/v1/models/tenant")).GetProperty("items").EnumerateArray());
        Assert.True(listed.GetProperty("stale").GetBoolean());
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.False(listed.GetProperty("canActivate").GetBoolean());
        var refused = await ProblemAssert.IsProblemAsync(await owner.PostAsync($"/api/v1/models/tenant/{version}/activate", new { }), 409);
        Assert.Contains("Retrain", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var predicted = await key.PostAsJsonAsync("/api/v1/predict", new { log = CompileLog(50) });
        var prediction = await predicted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(predicted.IsSuccessStatusCode, prediction.ToString());
        Assert.DoesNotContain("tenant-", prediction.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_labels_are_refused_and_bad_input_gets_field_errors_with_nothing_stored()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        for (var n = 0; n < 3; n++) await LabelAsync(key, await ClassificationApiTests.JobWithLogAsync(key, TestLog(n)), "test");

        var tooFew = await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/models/tenant", new { }), 409);
        Assert.Contains("at least 20", tooFew.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var invalid = await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/models/tenant", new { maxLabels = 5 }), 400);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("maxLabels", out _), invalid.ToString());
        await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/models/tenant/tenant-none/activate", new { }), 404);
        await ProblemAssert.IsProblemAsync(await owner.SendAsync(HttpMethod.Delete, "/api/v1/models/tenant/tenant-none"), 404);

        var listed = await owner.JsonAsync("/api/v1/models/tenant");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(20, listed.GetProperty("minimumLabels").GetInt32());
        Assert.DoesNotContain("models.tenant", (await owner.JsonAsync("/api/v1/audit")).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Without_models_manage_training_activating_and_deleting_are_forbidden_but_the_models_can_be_read(string role)
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var (member, _, _) = await Teams.JoinAsync(owner, role);
        using var memberSession = member;

        await ProblemAssert.IsProblemAsync(await member.PostAsync("/api/v1/models/tenant", new { }), 403);
        await ProblemAssert.IsProblemAsync(await member.PostAsync("/api/v1/models/tenant/tenant-x/activate", new { }), 403);
        await ProblemAssert.IsProblemAsync(await member.PostAsync("/api/v1/models/tenant/deactivate", new { }), 403);
        await ProblemAssert.IsProblemAsync(await member.SendAsync(HttpMethod.Delete, "/api/v1/models/tenant/tenant-x"), 403);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/models/tenant")).StatusCode);
    }
}
