using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Hostile input at the HTTP edge. The fuzz is driven by the OpenAPI document, so an endpoint is
/// covered the day it is added: every operation that takes a JSON body answers malformed, mistyped,
/// oversized, control-character and deeply nested bodies with a 4xx problem, never a 5xx.
/// </summary>
public sealed class HostileInputTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private const string Nul = "bad\u0000name";

    private const string OversizedString = "a 2 MB string";

    /// <summary>Operations that take logs of up to 25 million characters: a 2 MB one is theirs to classify, not hostile.</summary>
    private static readonly HashSet<string> LargeTextOperations = ["POST /api/v1/predict", "POST /api/v1/batch-predict"];

    private RunningApi Api => fixture.Api;

    [Fact]
    public async Task Every_json_body_answers_hostile_bodies_with_a_4xx_problem()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("fuzz"));
        var (ingest, _) = await Teams.KeyAsync(owner, "ingest");
        var stored = await ingest.PostAsJsonAsync("/api/v1/events", new[] { IngestionTests.Job("fuzz-job", "fuzz-run", "build", "failure") });
        var jobId = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetInt64();
        List<Hook> hooks = [await HookAsync(owner, "github"), await HookAsync(owner, "gitlab"), await HookAsync(owner, "jenkins")];
        var realIds = await RealIdsAsync(owner);
        realIds["/api/v1/hooks/{id}"] = hooks[0].Path.Split('/')[^1];
        var document = await Api.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var failures = new List<string>();
        var operations = JsonBodyOperations(document).ToList();
        foreach (var (method, template, operation) in operations)
        {
            var schema = Resolve(document, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
                .TryGetProperty("schema", out var declared) ? declared : default);
            var path = FillPath(template, operation, jobId, realIds);
            foreach (var (kind, body) in HostileBodies(document, schema))
            {
                foreach (var (label, send) in Requests(owner, method, template, path, _ => body, hooks))
                {
                    using var response = await send();
                    var withinItsLimit = kind == OversizedString && LargeTextOperations.Contains($"{method} {template}") && response.IsSuccessStatusCode;
                    if (!IsClientProblem(response) && !withinItsLimit)
                        failures.Add($"{method} {path} ({label}) with {kind}: {await DescribeAsync(response)}");
                }
            }

            // A NUL in each text field of a body that is otherwise valid, so it reaches the handler (and the database).
            if (!ValidBodies.Keys.Any(key => key.StartsWith($"{method} {template}", StringComparison.Ordinal)))
            {
                failures.Add($"{method} {template}: no valid body to fuzz from; add one to {nameof(ValidBodies)}");
                continue;
            }

            foreach (var (label, send) in Requests(owner, method, template, path, provider => ValidBodies[$"{method} {template}{provider}"], hooks))
            {
                using var response = await send();
                if ((int)response.StatusCode >= 500 || (!response.IsSuccessStatusCode && !IsClientProblem(response)))
                    failures.Add($"{method} {path} ({label}): {await DescribeAsync(response)}");
            }
        }

        Assert.True(operations.Count >= 25, $"only {operations.Count} operations with a JSON body in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>A valid body of each operation, with a NUL placed in one text field: "{nul}" marks where.</summary>
    private static readonly Dictionary<string, string> ValidBodies = new()
    {
        ["POST /api/v1/admin/tenants"] = """{"key": "fuzz{nul}", "name": "Fuzz"}""",
        ["POST /api/v1/auth/signup"] = """{"email": "fuzz@example.test", "password": "Correct-Horse-Battery-9", "tenantName": "Fuzz{nul}"}""",
        ["POST /api/v1/auth/login"] = """{"email": "fuzz{nul}@example.test", "password": "Correct-Horse-Battery-9"}""",
        ["POST /api/v1/auth/switch-tenant"] = """{"tenantId": "00000000-0000-0000-0000-00000000000{nul}"}""",
        ["POST /api/v1/auth/password-reset"] = """{"email": "fuzz{nul}@example.test"}""",
        ["POST /api/v1/auth/password-reset/confirm"] = """{"token": "abc{nul}", "newPassword": "Correct-Horse-Battery-9"}""",
        ["POST /api/v1/members"] = """{"token": "abc{nul}", "password": "Correct-Horse-Battery-9"}""",
        ["PATCH /api/v1/members/{userId}"] = """{"role": "owner{nul}"}""",
        ["POST /api/v1/invitations"] = """{"email": "fuzz{nul}@example.test", "role": "member"}""",
        ["POST /api/v1/api-keys"] = """{"name": "fuzz{nul}", "scopes": ["read"]}""",
        ["POST /api/v1/events"] = """[{"type": "run", "provider": "github", "externalId": "f1", "repository": "acme/api", "pipeline": "CI","""
            + """ "branch": "main{nul}", "status": "failure", "finishedAt": "2026-11-20T10:00:00Z"}]""",
        ["POST /api/v1/hooks"] = """{"provider": "github", "name": "fuzz{nul}"}""",
        ["PATCH /api/v1/hooks/{id}"] = """{"token": "fuzz{nul}"}""",
        ["POST /api/v1/hooks/{provider}/{hookId}github"] =
            ProviderFixtures.Read("github/workflow_run.completed.payload.json")
                .Replace("\"head_branch\": \"master", "\"head_branch\": \"master{nul}"),
        ["POST /api/v1/hooks/{provider}/{hookId}gitlab"] =
            ProviderFixtures.Read("gitlab/pipeline_hook.doc.json").Replace("\"ref\": \"master", "\"ref\": \"master{nul}"),
        ["POST /api/v1/hooks/{provider}/{hookId}jenkins"] = JenkinsNotifierTests.Notification(JenkinsNotifierTests.Fixture("wfapi-describe-failed.json"), "FAILURE")
            .Replace("\"branch\": \"main", "\"branch\": \"main{nul}", StringComparison.Ordinal),
        ["POST /api/v1/metrics/query"] = """{"metric": "failure_rate", "filters": {"branch": "main{nul}"}}""",
        ["POST /api/v1/dashboards"] = """{"name": "Fuzz{nul}", "widgets": []}""",
        ["PUT /api/v1/dashboards/{id}"] = """{"name": "Fuzz", "description": "a{nul}", "widgets": [{"id": "rate", "title": "Rate", "chart": "line","""
            + """ "query": {"metric": "failure_rate", "bucket": "hour"}, "layout": {"x": 0, "y": 0, "w": 12, "h": 4}}]}""",
        ["POST /api/v1/predict"] = """{"log": "error: exit code 2{nul}"}""",
        ["POST /api/v1/batch-predict"] = """{"items": [{"log": "error: exit code 2{nul}"}]}""",
        ["PUT /api/v1/models/assignment"] = """{"active": "baseline{nul}"}""",
        ["PUT /api/v1/settings"] = """{"organisationName": "Fuzz{nul}", "timeZone": "Europe/Berlin", "runnerMinutePrice": 0.008}""",
        ["POST /api/v1/models/tenant"] = """{"maxLabels": 20}""",
        ["POST /api/v1/feedback"] = """{"jobId": 1, "category": "test_failure{nul}"}""",
        ["POST /api/v1/alerts/rules"] = Rule,
        ["POST /api/v1/alerts/rules/preview"] = Rule,
        ["PUT /api/v1/alerts/rules/{id}"] = Rule,
        ["POST /api/v1/alerts/rules/{id}/mute"] = """{"minutes": 60}""",
        ["POST /api/v1/alerts/rules/{id}/acknowledge"] = """{"group": "main{nul}"}""",
        ["POST /api/v1/reports"] = Report,
        ["PUT /api/v1/reports/{id}"] = Report,
        ["POST /api/v1/reports/next-runs"] = """{"cadence": {"frequency": "weekly", "time": "08:00", "weekday": "monday{nul}"}}""",
        ["POST /api/v1/reports/{id}/pause"] = """{"paused": true}""",
        ["POST /api/v1/alerts/channels"] = """{"name": "ops{nul}", "kind": "email", "recipients": ["ops@example.test"]}""",
    };

    // The dashboard id is not the tenant's: a body that passes validation is refused for it, never stored.
    private const string Report = """
        {"name": "Weekly{nul}", "dashboardId": "00000000-0000-0000-0000-000000000001", "range": "past_week", "recipients": ["a@example.test"],
         "cadence": {"frequency": "weekly", "time": "08:00", "weekday": "monday"}}
        """;

    private const string Rule = """
        {"name": "Failure rate{nul}", "query": {"metric": "failure_rate"}, "condition": {"kind": "above", "threshold": 0.2}, "windowMinutes": 60}
        """;

    private static bool IsClientProblem(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 400 and < 500 && response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    private static async Task<string> DescribeAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {Excerpt(await response.Content.ReadAsStringAsync())}";

    /// <summary>Objects of the tenant for the path parameters that name one; any other id is a random one.</summary>
    private static async Task<Dictionary<string, string>> RealIdsAsync(ApiSession owner)
    {
        var rule = await owner.SendAsync(HttpMethod.Post, "/api/v1/alerts/rules", JsonSerializer.Deserialize<JsonElement>(Rule.Replace("{nul}", "")));
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        return new()
        {
            ["/api/v1/dashboards/{id}"] = (await owner.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetString()!,
            ["/api/v1/alerts/rules/{id}"] = (await rule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!,
            ["/api/v1/members/{userId}"] = (await owner.MeAsync()).GetProperty("userId").GetString()!,
        };
    }

    [Fact]
    public async Task A_nul_in_any_text_query_parameter_is_a_4xx_problem()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("fuzz-query"));
        var document = await Api.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var failures = new List<string>();
        var sent = 0;
        foreach (var (_, template, operation) in Operations(document).Where(o => o.Method == HttpMethod.Get))
        {
            var path = FillPath(template, operation, jobId: 1);
            var textParameters = operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                    .Where(p => Types(p.GetProperty("schema")).Contains("string") && !p.GetProperty("schema").TryGetProperty("format", out _))
                    .Select(p => p.GetProperty("name").GetString()!)
                : [];
            foreach (var name in textParameters)
            {
                sent++;
                using var response = await owner.GetAsync($"{path}?{name}=bad%00name");
                if (!IsClientProblem(response)) failures.Add($"GET {path}?{name}=bad%00name: {await DescribeAsync(response)}");
            }
        }

        Assert.True(sent >= 20, $"only {sent} query parameters tried");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task An_events_batch_with_a_nul_in_one_item_stores_the_others_and_names_the_field()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("nul-batch"));
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        var bad = JsonSerializer.SerializeToNode(IngestionTests.Job("nul-2", "nul-run", "test", "failure"))!;
        bad["branch"] = Nul;

        var good = JsonSerializer.SerializeToNode(IngestionTests.Job("nul-3", "nul-run", "build", "success"));
        var run = JsonSerializer.SerializeToNode(IngestionTests.Run("nul-run"));
        var response = await key.PostAsJsonAsync("/api/v1/events", new[] { run, bad, good });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {result}");
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        var rejected = result.GetProperty("items")[1];
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.StartsWith("branch: ", rejected.GetProperty("reason").GetString());
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.pipeline_runs"));
        var jobs = (await key.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("items");
        Assert.Equal("build", Assert.Single(jobs.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_ndjson_batch_with_a_nul_in_one_line_stores_the_others()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("nul-ndjson"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        var bad = JsonSerializer.Serialize(IngestionTests.Run("nd-2")).Replace("\"CI\"", "\"C\\u0001I\"");
        var lines = string.Join('\n', JsonSerializer.Serialize(IngestionTests.Run("nd-1")), bad);

        var response = await key.PostAsync("/api/v1/events", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {result}");
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        Assert.StartsWith("pipeline: ", result.GetProperty("items")[1].GetProperty("reason").GetString());
        Assert.Equal(1, (await key.GetFromJsonAsync<JsonElement>("/api/v1/runs")).GetProperty("items").GetArrayLength());
    }

    /// <summary>Valid bodies but for one NUL (as JSON writes it), for the endpoints that answered 500 to it.</summary>
    public static TheoryData<string, string, string> NulBodies => new()
    {
        { "POST", "/api/v1/api-keys", """{"name": "bad\u0000name", "scopes": ["read"]}""" },
        { "POST", "/api/v1/hooks", """{"provider": "github", "name": "bad\u0000name"}""" },
        { "POST", "/api/v1/dashboards", """{"name": "bad\u0000name", "description": "fine", "widgets": []}""" },
        { "PUT", "/api/v1/dashboards/{default}", """{"name": "bad\u0000name", "widgets": []}""" },
        { "POST", "/api/v1/alerts/rules", Rule.Replace("{nul}", "\\u0000", StringComparison.Ordinal) },
        {
            "POST", "/api/v1/alerts/rules", """{"name": "ok", "query": {"metric": "failure_rate", "filters": {"branch": "bad\u0000name"}},"""
                                            + """ "condition": {"kind": "above", "threshold": 0.2}, "windowMinutes": 60}"""
        },
        { "POST", "/api/v1/alerts/channels", """{"name": "bad\u0000name", "kind": "email", "recipients": ["ops@example.test"]}""" },
    };

    [Theory]
    [MemberData(nameof(NulBodies))]
    public async Task A_nul_in_a_field_of_a_valid_body_is_a_field_named_400(string method, string path, string body)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("nul-field"));
        if (path.Contains("{default}", StringComparison.Ordinal))
            path = path.Replace("{default}", (await owner.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetString());

        var response = await owner.SendAsync(Waiting(new HttpRequestMessage(new HttpMethod(method), path), body));

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), field => field.Value.EnumerateArray().Any(m => m.GetString()!.Contains("control characters")));
    }

    [Fact]
    public async Task A_webhook_delivery_with_a_nul_in_a_mapped_field_is_refused_with_its_reason_and_stores_nothing()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("nul-hook"));
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString();
        var github = await HookAsync(owner, "github");
        var gitlab = await HookAsync(owner, "gitlab");
        var run = ProviderFixtures.Read("github/workflow_run.completed.payload.json").Replace("\"head_branch\": \"", "\"head_branch\": \"\\u0000");
        var pipeline = ProviderFixtures.Read("gitlab/pipeline_hook.doc.json").Replace("\"ref\": \"", "\"ref\": \"\\u0000");
        Assert.Contains("\\u0000", run);
        Assert.Contains("\\u0000", pipeline);

        var fromGithub = await Api.Client.SendAsync(github.Delivery(run, "workflow_run"));
        var fromGitlab = await Api.Client.SendAsync(gitlab.Delivery(pipeline, "Pipeline Hook"));

        foreach (var response in new[] { fromGithub, fromGitlab })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, 422);
            Assert.Contains(problem.GetProperty("items").EnumerateArray(),
                item => item.GetProperty("reason").GetString()!.StartsWith("branch: ", StringComparison.Ordinal));
        }

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.pipeline_runs"));
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_before_the_body_is_read_on_every_endpoint_not_marked_anonymous()
    {
        var document = await Api.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        string[] anonymous =
        [
            "/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm",
            "/api/v1/auth/antiforgery", "/api/v1/auth/session", "/api/v1/invitations/preview", "/health/live", "/health/ready", "/health/metrics",
            "/api/v1/shared-reports/{token}",
        ];
        var failures = new List<string>();
        var checkedOperations = 0;
        foreach (var (method, template, operation) in Operations(document))
        {
            if (anonymous.Contains(template) || (template == "/api/v1/members" && method == HttpMethod.Post)) continue;
            checkedOperations++;
            // Over the server-wide body limit: a 413 would mean the body was read before the caller was refused.
            var path = FillPath(template, operation, jobId: 1);
            var body = method == HttpMethod.Get || method == HttpMethod.Delete ? null : $"{{\"name\": \"{new string('x', 200_000)}\"}}";
            using var response = await Api.Client.SendAsync(Waiting(new HttpRequestMessage(method, path), body));
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.True(checkedOperations >= 50, $"only {checkedOperations} operations checked");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Only_callers_who_may_predict_get_the_large_body_limit()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("limits"));
        var (reader, _) = await Teams.KeyAsync(owner, "read");
        var (predictor, _) = await Teams.KeyAsync(owner, "predict");
        // Past the test server's 64 KB limit, well below the 64 MiB one of /predict.
        var log = new { log = string.Join('\n', Enumerable.Repeat("error: the build failed with exit code 2", 5_000)) };

        await ProblemAssert.IsProblemAsync(await reader.PostAsJsonAsync("/api/v1/predict", log), 413);
        Assert.Equal(HttpStatusCode.OK, (await predictor.PostAsJsonAsync("/api/v1/predict", log)).StatusCode);
    }

    [Fact]
    public async Task An_events_array_over_the_item_limit_is_refused_as_soon_as_the_limit_is_passed()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("too-many"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest");
        // Far behind the 5,001st item, garbage: a reader that parsed the whole array first would answer 400 for it.
        var body = "[" + string.Join(',', Enumerable.Repeat("{\"externalId\": \"x\"}", 50_000)) + ", this is not JSON";

        var response = await key.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, 413);
        Assert.Contains("5000", problem.GetProperty("detail").GetString()!.Replace(",", ""));
    }

    private sealed record Hook(string Provider, string Path, string Secret)
    {
        public HttpRequestMessage Delivery(string body, string? eventType = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
            switch (Provider)
            {
                case "github":
                    request.Headers.Add("X-GitHub-Event", eventType ?? "workflow_run");
                    request.Headers.Add("X-Hub-Signature-256", signature);
                    break;
                case "gitlab":
                    request.Headers.Add("X-Gitlab-Event", eventType ?? "Pipeline Hook");
                    request.Headers.Add("X-Gitlab-Token", Secret);
                    break;
                default:
                    request.Headers.Add("X-Faultline-Signature", signature);
                    break;
            }

            return request;
        }
    }

    private static async Task<Hook> HookAsync(ApiSession owner, string provider)
    {
        var response = await owner.PostAsync("/api/v1/hooks", new { provider, name = $"{provider} hook" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = created.GetProperty("hook").GetProperty("url").GetString()!;
        return new Hook(provider, new Uri(url).AbsolutePath, created.GetProperty("secret").GetString()!);
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static IEnumerable<(HttpMethod Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Value.ValueKind == JsonValueKind.Object && operation.Name != "parameters"
        select (new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, operation.Value);

    private static IEnumerable<(HttpMethod Method, string Path, JsonElement Operation)> JsonBodyOperations(JsonElement document) =>
        Operations(document).Where(o => o.Method == HttpMethod.Post || o.Method == HttpMethod.Put || o.Method == HttpMethod.Patch)
            .Where(o => o.Operation.TryGetProperty("requestBody", out var body)
                        && body.GetProperty("content").TryGetProperty("application/json", out _));

    /// <summary>
    /// How one body is sent to an operation: as each provider's signed delivery to a real hook, with the
    /// operator token to the operator API, and in a tenant owner's session (with antiforgery) elsewhere.
    /// </summary>
    private IEnumerable<(string Label, Func<Task<HttpResponseMessage>> Send)> Requests(
        ApiSession owner, HttpMethod method, string template, string path, Func<string, string> bodyFor, IReadOnlyList<Hook> hooks)
    {
        if (template.Contains("{provider}", StringComparison.Ordinal))
            return hooks.Select(hook => ("signed " + hook.Provider,
                (Func<Task<HttpResponseMessage>>)(() => Api.Client.SendAsync(Waiting(hook.Delivery(WithNul(bodyFor(hook.Provider))))))));

        var body = WithNul(bodyFor(""));
        if (template.StartsWith("/api/v1/admin", StringComparison.Ordinal))
            return [("operator", () => Api.Client.SendAsync(Waiting(RunningApi.AsOperator(method, path), body)))];
        return [("session of an owner", () => owner.SendAsync(Waiting(new HttpRequestMessage(method, path), body)))];
    }

    /// <summary>
    /// The body waits for the server's 100 Continue: a body refused unread (too large, or an anonymous caller) gets its
    /// answer, where sending it whole would meet a closed connection.
    /// </summary>
    private static HttpRequestMessage Waiting(HttpRequestMessage request, string? body = null)
    {
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.ExpectContinue = true;
        return request;
    }

    /// <summary>The "{nul}" mark of a valid body as a JSON-escaped NUL; hostile bodies carry none.</summary>
    private static string WithNul(string body) => body.Replace("{nul}", "\\u0000", StringComparison.Ordinal);

    private static string FillPath(string template, JsonElement operation, long jobId, IReadOnlyDictionary<string, string>? realIds = null)
    {
        if (!operation.TryGetProperty("parameters", out var parameters)) return template;
        foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = parameter.GetProperty("schema");
            var real = realIds?.FirstOrDefault(id =>
                template.StartsWith(id.Key, StringComparison.Ordinal) && id.Key.EndsWith("{" + name + "}", StringComparison.Ordinal)).Value;
            var value = real is not null ? real
                : schema.TryGetProperty("format", out var format) && format.GetString() == "uuid" ? Guid.NewGuid().ToString()
                : Types(schema).Contains("integer") ? jobId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : name == "provider" ? "github"
                : "x";
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template;
    }

    private static IEnumerable<(string Kind, string Body)> HostileBodies(JsonElement document, JsonElement schema)
    {
        yield return ("invalid JSON", "{\"name\": ");
        yield return ("an empty object", "{}");
        yield return ("wrong types", WrongTypes(document, schema).ToJsonString());
        yield return (OversizedString, WithStrings(document, schema, new string('x', 2 * 1024 * 1024), 0).ToJsonString());
        yield return ("a NUL inside a string", WithStrings(document, schema, Nul, 0).ToJsonString());
        yield return ("JSON nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000));
    }

    /// <summary>Every string of the schema's shape set to <paramref name="text"/>; a "name" when it declares none.</summary>
    private static JsonNode WithStrings(JsonElement document, JsonElement schema, string text, int depth)
    {
        if (Types(schema).Contains("array"))
            return new JsonArray(schema.TryGetProperty("items", out var items)
                ? WithStrings(document, Resolve(document, items), text, depth + 1)
                : text);
        var body = new JsonObject();
        foreach (var (name, property) in Properties(document, schema))
        {
            var types = Types(property);
            if (types.Contains("string")) body[name] = text;
            else if (depth < 3 && (types.Contains("object") || types.Contains("array")))
                body[name] = WithStrings(document, property, text, depth + 1);
        }

        if (body.Count == 0) body["name"] = text;
        return body;
    }

    /// <summary>Each property with a value of another type; an object where an array is expected.</summary>
    private static JsonObject WrongTypes(JsonElement document, JsonElement schema)
    {
        if (Types(schema).Contains("array")) return new JsonObject { ["items"] = "not an array" };
        var body = new JsonObject();
        foreach (var (name, property) in Properties(document, schema))
            body[name] = Types(property) is var types && (types.Contains("integer") || types.Contains("number") || !types.Contains("string"))
                ? JsonValue.Create("not of this type")
                : JsonValue.Create(12345);
        if (body.Count == 0) body["name"] = new JsonArray(1, 2);
        return body;
    }

    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement document, JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, Resolve(document, p.Value)))
            : [];

    private static string[] Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? []
        : !schema.TryGetProperty("type", out var type) ? schema.TryGetProperty("properties", out _) ? ["object"] : []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray()
        : [type.GetString()!];

    /// <summary>The schema behind a $ref, or behind the one non-null branch of a oneOf/anyOf.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var hops = 0; hops < 8 && schema.ValueKind == JsonValueKind.Object; hops++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            else if ((schema.TryGetProperty("oneOf", out var branches) || schema.TryGetProperty("anyOf", out branches))
                     && branches.EnumerateArray().FirstOrDefault(b => !Types(b).SequenceEqual(["null"]))
                         is { ValueKind: JsonValueKind.Object } branch)
                schema = branch;
            else
                break;
        }

        return schema;
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
