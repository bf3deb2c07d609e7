using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>Predictions, background classification, feedback and model choice over HTTP, with the shipped ONNX models.</summary>
public sealed class ClassificationApiTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Taxonomy = ["compilation", "test", "lint", "dependency", "configuration", "infrastructure", "timeout", "other"];

    private const string CompileLog = """
        Run dotnet build --configuration Release
          Determining projects to restore...
          All projects are up-to-date for restore.
        /home/runner/work/shop/shop/src/Orders/OrderService.cs(42,17): error CS1002: ; expected [/home/runner/work/shop/shop/src/Orders/Orders.csproj]
        /home/runner/work/shop/shop/src/Orders/OrderService.cs(57,9): error CS0103: The name 'total' does not exist in the current context
        Build FAILED.
            0 Warning(s)
            2 Error(s)
        ##[error]Process completed with exit code 1.
        """;

    private RunningApi Api => fixture.Api;

    private async Task<(ApiSession Owner, HttpClient Key)> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("classify"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read", "predict");
        return (owner, key);
    }

    /// <summary>Ingests one job (failed unless told) and uploads its log; returns the job's id.</summary>
    internal static async Task<long> JobWithLogAsync(HttpClient key, string log, string status = "failure", string name = "build", int minute = 0)
    {
        var externalId = Guid.NewGuid().ToString("N");
        var job = new
        {
            type = "job", provider = "api", externalId, attempt = 1, runExternalId = externalId, repository = "acme/shop", pipeline = "CI",
            branch = "main", name, status, startedAt = T0.AddMinutes(minute), finishedAt = T0.AddMinutes(minute + 4),
        };
        var ingested = await key.PostAsJsonAsync("/api/v1/events", new[] { job });
        var body = await ingested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ingested.IsSuccessStatusCode, body.ToString());
        var id = body.GetProperty("items")[0].GetProperty("id").GetInt64();
        var uploaded = await key.PutAsync($"/api/v1/jobs/{id}/log", new StringContent(log, Encoding.UTF8, "text/plain"));
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The job's stored classification once the background classifier has written it (and <paramref name="until"/> holds).</summary>
    internal static async Task<JsonElement> ClassificationAsync(HttpClient client, long jobId, Func<JsonElement, bool>? until = null)
    {
        JsonElement found = default;
        await RunningApi.WaitForAsync(async () =>
        {
            var response = await client.GetAsync($"/api/v1/jobs/{jobId}/classification");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            found = await response.Content.ReadFromJsonAsync<JsonElement>();
            return until?.Invoke(found) ?? true;
        });
        return found;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    private static void AssertPrediction(JsonElement prediction, int lineCount)
    {
        Assert.Contains(prediction.GetProperty("category").GetString(), Taxonomy);
        var probabilities = prediction.GetProperty("probabilities").EnumerateObject().ToList();
        Assert.Equal(Taxonomy.Order(), probabilities.Select(p => p.Name).Order());
        Assert.Equal(1, probabilities.Sum(p => p.Value.GetDouble()), 3);
        Assert.Equal(probabilities.Max(p => p.Value.GetDouble()), prediction.GetProperty("confidence").GetDouble(), 5);
        var keyLines = prediction.GetProperty("keyLines").EnumerateArray().ToList();
        Assert.InRange(keyLines.Count, 1, 10);
        Assert.All(keyLines, l => Assert.InRange(l.GetProperty("lineNumber").GetInt32(), 1, lineCount));
        Assert.False(string.IsNullOrEmpty(prediction.GetProperty("modelVersion").GetString()));
    }

    [Fact]
    public async Task A_pasted_log_is_classified_with_its_key_lines()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var response = await key.PostAsJsonAsync("/api/v1/predict", new { log = CompileLog });
        var prediction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, prediction.ToString());
        AssertPrediction(prediction, CompileLog.Split('\n').Length);
        Assert.Equal("compilation", prediction.GetProperty("category").GetString());
        var lines = CompileLog.Split('\n');
        Assert.Contains(prediction.GetProperty("keyLines").EnumerateArray().Take(3),
            l => lines[l.GetProperty("lineNumber").GetInt32() - 1].Contains("error CS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_real_log_from_the_dataset_is_classified_with_key_lines_inside_the_log()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var labelled = File.ReadLines(Path.Combine(TestStack.CiFailures, "labels.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .First(r => r.GetProperty("label").GetString() == "test");
        var log = Faultline.Infrastructure.Inference.LogFiles.Read(Path.Combine(TestStack.CiFailures, labelled.GetProperty("log").GetString()!));

        var response = await key.PostAsJsonAsync("/api/v1/predict", new { log });
        var prediction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, prediction.ToString());
        AssertPrediction(prediction, log.Split('\n').Length);
    }

    [Fact]
    public async Task A_failed_job_is_classified_in_the_background_once_its_log_arrives_and_can_be_predicted_by_id()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);

        var stored = await ClassificationAsync(key, jobId);
        Assert.Equal("compilation", stored.GetProperty("category").GetString());
        Assert.Equal("model", stored.GetProperty("source").GetString());
        AssertPrediction(stored, CompileLog.Split('\n').Length);
        // The shipped challenger predicts every job too (share 0: never served), for comparison.
        var served = Assert.Single(stored.GetProperty("predictions").EnumerateArray(), p => p.GetProperty("served").GetBoolean());
        Assert.Equal(stored.GetProperty("modelVersion").GetString(), served.GetProperty("modelVersion").GetString());

        var byId = await key.PostAsJsonAsync("/api/v1/predict", new { jobId });
        var prediction = await byId.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(byId.IsSuccessStatusCode, prediction.ToString());
        Assert.Equal(stored.GetProperty("probabilities").GetProperty("compilation").GetDouble(),
            prediction.GetProperty("probabilities").GetProperty("compilation").GetDouble(), 5);

        // The dashboards count it: as a compilation failure, or as "uncertain" when the model was not sure enough; never "unclassified".
        var counted = stored.GetProperty("uncertain").GetBoolean() ? "uncertain" : "compilation";
        var metric = await key.PostAsJsonAsync("/api/v1/metrics/query",
            new { metric = "failure_categories", from = T0.AddDays(-1), to = T0.AddDays(1) });
        var breakdown = await metric.Content.ReadAsStringAsync();
        Assert.Contains($"\"{counted}\"", breakdown, StringComparison.Ordinal);
        Assert.DoesNotContain("unclassified", breakdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_the_model_is_unsure_about_counts_as_uncertain_until_a_person_labels_it()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, "starting\nsomething went wrong\nexit 1");

        var stored = await ClassificationAsync(key, jobId);
        Assert.True(stored.GetProperty("uncertain").GetBoolean(), stored.ToString());
        var uncertain = await key.GetFromJsonAsync<JsonElement>("/api/v1/jobs?category=uncertain");
        Assert.Contains(uncertain.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetInt64() == jobId);

        var feedback = await key.PostAsJsonAsync("/api/v1/feedback", new { jobId, category = "other" });
        Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
        Assert.False((await ClassificationAsync(key, jobId)).GetProperty("uncertain").GetBoolean());
        var other = await key.GetFromJsonAsync<JsonElement>("/api/v1/jobs?category=other");
        Assert.Contains(other.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetInt64() == jobId);
    }

    [Fact]
    public async Task A_successful_job_is_not_classified()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var passed = await JobWithLogAsync(key, "Build succeeded.\n0 Error(s)", status: "success");
        var failed = await JobWithLogAsync(key, CompileLog);
        await ClassificationAsync(key, failed);
        Assert.Equal(HttpStatusCode.NotFound, (await key.GetAsync($"/api/v1/jobs/{passed}/classification")).StatusCode);
    }

    [Fact]
    public async Task Feedback_corrects_the_category_survives_reclassification_and_is_listed()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);
        await ClassificationAsync(key, jobId);

        var (predictor, _) = await Teams.KeyAsync(owner, "predict", "read");
        var response = await predictor.PostAsJsonAsync("/api/v1/feedback", new { jobId, category = "configuration" });
        var feedback = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, feedback.ToString());
        Assert.Equal("compilation", feedback.GetProperty("predictedCategory").GetString());

        var corrected = await ClassificationAsync(key, jobId);
        Assert.Equal(("configuration", "feedback", "compilation"),
            (corrected.GetProperty("category").GetString(), corrected.GetProperty("source").GetString(), corrected.GetProperty("predictedCategory").GetString()));

        // Choosing the models again re-classifies the history: the person's verdict stands.
        var models = await owner.JsonAsync("/api/v1/models");
        var active = models.GetProperty("assignment").GetProperty("active").GetString();
        var challenger = models.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("version").GetString()).First(v => v != active);
        var assigned = await owner.SendAsync(HttpMethod.Put, "/api/v1/models/assignment", new { active, challenger, challengerShare = 0.5 });
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        var before = corrected.GetProperty("classifiedAt").GetDateTimeOffset();
        var reclassified = await ClassificationAsync(key, jobId, c => c.GetProperty("classifiedAt").GetDateTimeOffset() > before);
        Assert.Equal("configuration", reclassified.GetProperty("category").GetString());

        var listed = await owner.JsonAsync("/api/v1/feedback");
        Assert.Equal(jobId, listed[0].GetProperty("jobId").GetInt64());
        var agreement = (await owner.JsonAsync("/api/v1/models")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("version").GetString() == active).GetProperty("onThisTenant");
        Assert.Equal(1, agreement.GetProperty("reviewed").GetInt32());
    }

    [Fact]
    public async Task Models_are_listed_with_their_cards_and_the_tenant_choice()
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var models = await owner.JsonAsync("/api/v1/models");
        var items = models.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 2);
        Assert.Single(items, m => m.GetProperty("active").GetBoolean());
        Assert.All(items, m =>
        {
            Assert.True(m.GetProperty("card").GetProperty("metrics").GetProperty("macroF1").GetDouble() > 0);
            Assert.Contains("#", m.GetProperty("cardMarkdown").GetString(), StringComparison.Ordinal);
        });
        // Where they run: this machine's GPU when CUDA can use it, else the CPU.
        Assert.Contains(models.GetProperty("executionProvider").GetString(), TestStack.ExecutionProviders);
    }

    [Fact]
    public async Task Batch_predictions_answer_every_item_in_order_with_per_item_errors()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);
        var response = await key.PostAsJsonAsync("/api/v1/batch-predict",
            new { items = new object[] { new { log = CompileLog }, new { jobId }, new { jobId = 987654321 }, new { log = "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd" } } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.Equal("compilation", items[0].GetProperty("prediction").GetProperty("category").GetString());
        Assert.Equal("compilation", items[1].GetProperty("prediction").GetProperty("category").GetString());
        Assert.Equal(404, items[2].GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Object, items[3].GetProperty("prediction").ValueKind);
    }

    [Fact]
    public async Task A_batch_repeating_one_job_a_thousand_times_answers_every_item_alike()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);

        var response = await key.PostAsJsonAsync("/api/v1/batch-predict", new { items = Enumerable.Repeat(new { jobId }, 1000) });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("prediction").ToString()).ToList();
        Assert.Equal(1000, items.Count);
        Assert.Single(items.Distinct());
    }

    [Fact]
    public async Task A_log_line_built_to_make_regexes_backtrack_is_classified()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var line = string.Concat(Enumerable.Repeat("1 failed ", 40_000));

        var response = await key.PostAsJsonAsync("/api/v1/predict", new { log = $"{line}\n{line}x\n{CompileLog}" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stored_log_is_read_from_its_end_with_true_line_numbers()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var builder = new StringBuilder();
        while (builder.Length < 6 * 1024 * 1024) builder.Append("  PASS src/components/button.test.tsx (12 ms)\n");
        var lines = builder.ToString().Count(c => c == '\n');
        var jobId = await JobWithLogAsync(key, builder.Append(CompileLog).ToString());

        var response = await key.PostAsJsonAsync("/api/v1/predict", new { jobId });
        var prediction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, prediction.ToString());
        Assert.Equal("compilation", prediction.GetProperty("category").GetString());
        var keyLines = prediction.GetProperty("keyLines").EnumerateArray();
        var cause = keyLines.First(l => l.GetProperty("text").GetString()!.Contains("CS1002", StringComparison.Ordinal));
        Assert.Equal(lines + 4, cause.GetProperty("lineNumber").GetInt32());
    }

    public static TheoryData<string, string> BadPredictions => new()
    {
        { """{"log": ""}""", "log" },
        { """{"log": "   \n  "}""", "log" },
        { """{}""", "log" },
        { """{"log": "x", "jobId": 1}""", "log" },
        { """{"jobId": -3}""", "jobId" },
        { """{"log": "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u000e\u000f\u0010\u0011 ok"}""", "log" },
    };

    [Theory]
    [MemberData(nameof(BadPredictions))]
    public async Task Bad_prediction_input_is_a_field_named_400(string json, string field)
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var response = await key.PostAsync("/api/v1/predict", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Invalid_utf8_not_json_and_oversized_bodies_are_refused_clearly()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var invalid = new ByteArrayContent([.. "{\"log\": \"abc "u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        invalid.Headers.ContentType = new("application/json");
        await ProblemAsync(await key.PostAsync("/api/v1/predict", invalid), HttpStatusCode.BadRequest);
        await ProblemAsync(await key.PostAsync("/api/v1/predict", new StringContent("log: x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        var tooMany = new { items = Enumerable.Range(0, 1001).Select(_ => new { log = "error" }).ToArray() };
        var problem = await ProblemAsync(await key.PostAsJsonAsync("/api/v1/batch-predict", tooMany), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("items", out _), problem.ToString());
        await ProblemAsync(await key.PostAsJsonAsync("/api/v1/batch-predict", new { items = Array.Empty<object>() }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_twenty_megabyte_log_is_classified_from_its_end()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var builder = new StringBuilder();
        while (builder.Length < 20 * 1024 * 1024) builder.Append("  PASS src/components/button.test.tsx (12 ms)\n");
        var lines = builder.ToString().Count(c => c == '\n');
        builder.Append(CompileLog);

        var response = await key.PostAsJsonAsync("/api/v1/predict", new { log = builder.ToString() });
        var prediction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, prediction.ToString());
        Assert.Equal("compilation", prediction.GetProperty("category").GetString());
        Assert.Contains(prediction.GetProperty("keyLines").EnumerateArray(), l => l.GetProperty("lineNumber").GetInt32() > lines);
    }

    [Fact]
    public async Task Predictions_need_the_predict_permission_and_model_choice_needs_an_admin()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress };
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/predict", new { log = CompileLog }), HttpStatusCode.Unauthorized);
        var (reader, _) = await Teams.KeyAsync(owner, "read");
        await ProblemAsync(await reader.PostAsJsonAsync("/api/v1/predict", new { log = CompileLog }), HttpStatusCode.Forbidden);
        await ProblemAsync(await reader.PostAsJsonAsync("/api/v1/batch-predict", new { items = new[] { new { log = CompileLog } } }), HttpStatusCode.Forbidden);
        await ProblemAsync(await reader.PostAsJsonAsync("/api/v1/feedback", new { jobId = 1, category = "test" }), HttpStatusCode.Forbidden);

        var (member, _, _) = await Teams.JoinAsync(owner, "member");
        using var memberSession = member;
        var models = await owner.JsonAsync("/api/v1/models");
        var active = models.GetProperty("assignment").GetProperty("active").GetString();
        await ProblemAsync(await member.SendAsync(HttpMethod.Put, "/api/v1/models/assignment", new { active }), HttpStatusCode.Forbidden);
        var unknown = await ProblemAsync(await owner.SendAsync(HttpMethod.Put, "/api/v1/models/assignment", new { active = "no-such-model" }),
            HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("active", out _));
        await ProblemAsync(await owner.SendAsync(HttpMethod.Put, "/api/v1/models/assignment", new { active, challengerShare = 0.3 }),
            HttpStatusCode.BadRequest);
        Assert.Equal(active, (await owner.JsonAsync("/api/v1/models")).GetProperty("assignment").GetProperty("active").GetString());
    }

    [Fact]
    public async Task Bad_feedback_is_refused_and_changes_nothing()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);
        await ClassificationAsync(key, jobId);
        var passed = await JobWithLogAsync(key, "ok", status: "success");

        var unknownCategory = await ProblemAsync(await owner.PostAsync("/api/v1/feedback", new { jobId, category = "cosmic-rays" }), HttpStatusCode.BadRequest);
        Assert.True(unknownCategory.GetProperty("errors").TryGetProperty("category", out _));
        await ProblemAsync(await owner.PostAsync("/api/v1/feedback", new { category = "test" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await owner.PostAsync("/api/v1/feedback", new { jobId = passed, category = "test" }), HttpStatusCode.NotFound);
        await ProblemAsync(await owner.PostAsync("/api/v1/feedback", new { jobId = 99999999, category = "test" }), HttpStatusCode.NotFound);

        Assert.Equal("model", (await ClassificationAsync(key, jobId)).GetProperty("source").GetString());
        Assert.Equal(0, (await owner.JsonAsync("/api/v1/feedback")).GetArrayLength());
    }

    [Fact]
    public async Task Corrections_export_as_training_examples_for_admins_of_their_tenant_only()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);
        await ClassificationAsync(key, jobId);
        Assert.True((await owner.PostAsync("/api/v1/feedback", new { jobId, category = "configuration" })).IsSuccessStatusCode);

        var export = await owner.GetAsync("/api/v1/feedback/training-set");
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        var rows = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("configuration", "feedback:acme/shop", CompileLog),
            (row.GetProperty("label").GetString(), row.GetProperty("repo").GetString(), row.GetProperty("text").GetString()));

        await ProblemAsync(await owner.GetAsync("/api/v1/feedback/training-set?limit=0"), HttpStatusCode.BadRequest);
        await ProblemAsync(await owner.GetAsync("/api/v1/feedback?limit=5000"), HttpStatusCode.BadRequest);
        var (member, _, _) = await Teams.JoinAsync(owner, "member");
        using var memberSession = member;
        await ProblemAsync(await member.GetAsync("/api/v1/feedback/training-set"), HttpStatusCode.Forbidden);

        var (other, _) = await TenantAsync();
        using var otherSession = other;
        Assert.Equal("", await (await other.GetAsync("/api/v1/feedback/training-set")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tenant_choice_of_models_does_not_change_another_tenant()
    {
        var (owner, _) = await TenantAsync();
        using var session = owner;
        var (other, _) = await TenantAsync();
        using var otherSession = other;
        var models = await owner.JsonAsync("/api/v1/models");
        var active = models.GetProperty("assignment").GetProperty("active").GetString();
        var challenger = models.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("version").GetString()).First(v => v != active);

        var assigned = await owner.SendAsync(HttpMethod.Put, "/api/v1/models/assignment", new { active = challenger, challenger = (string?)null });
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        Assert.Equal(challenger, (await owner.JsonAsync("/api/v1/models")).GetProperty("assignment").GetProperty("active").GetString());
        Assert.Equal(active, (await other.JsonAsync("/api/v1/models")).GetProperty("assignment").GetProperty("active").GetString());
    }

    [Fact]
    public async Task Another_tenant_cannot_see_predict_or_correct_a_job()
    {
        var (owner, key) = await TenantAsync();
        using var session = owner;
        var jobId = await JobWithLogAsync(key, CompileLog);
        await ClassificationAsync(key, jobId);

        var (other, otherKey) = await TenantAsync();
        using var otherSession = other;
        Assert.Equal(HttpStatusCode.NotFound, (await otherKey.GetAsync($"/api/v1/jobs/{jobId}/classification")).StatusCode);
        await ProblemAsync(await otherKey.PostAsJsonAsync("/api/v1/predict", new { jobId }), HttpStatusCode.NotFound);
        await ProblemAsync(await other.PostAsync("/api/v1/feedback", new { jobId, category = "test" }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await other.JsonAsync("/api/v1/feedback")).GetArrayLength());
        Assert.Equal("model", (await ClassificationAsync(key, jobId)).GetProperty("source").GetString());
    }

}
