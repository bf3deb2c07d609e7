using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The public API contract: the document the server serves is the one committed for client generators
/// (clientapp/src/api/openapi.json, from which the SPA's types are generated), and every operation in it is
/// one a generator and a reader can use — named, tagged, secured or explicitly anonymous, with a typed success
/// and problem details for its errors.
/// </summary>
public sealed class OpenApiContractTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    /// <summary>Set to 1 (scripts/openapi.sh does) to write the served document over the committed one instead of comparing.</summary>
    public const string UpdateVariable = "FAULTLINE_UPDATE_OPENAPI";

    public static string CommittedPath => Path.Combine(TestStack.RepositoryRoot, "clientapp", "src", "api", "openapi.json");

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private async Task<JsonObject> ServedAsync() =>
        JsonNode.Parse(await fixture.Api.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();

    private async Task<IEnumerable<(string Name, JsonObject Operation)>> OperationsAsync()
    {
        var paths = (await ServedAsync())["paths"]!.AsObject();
        return paths.SelectMany(path => path.Value!.AsObject()
            .Where(entry => Methods.Contains(entry.Key))
            .Select(entry => ($"{entry.Key.ToUpperInvariant()} {path.Key}", entry.Value!.AsObject())))
            .ToList();
    }

    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        var served = (await ServedAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served);
            return;
        }

        var committed = File.Exists(CommittedPath) ? await File.ReadAllTextAsync(CommittedPath) : "";
        Assert.True(committed.ReplaceLineEndings("\n") == served,
            $"The served /openapi/v1.json differs from {CommittedPath}. If the change is meant, run scripts/openapi.sh " +
            "(it rewrites the document and the SPA's generated types) and commit both.");
    }

    [Fact]
    public async Task Every_operation_has_a_unique_use_case_name_a_summary_and_a_tag()
    {
        var operations = (await OperationsAsync()).ToList();

        foreach (var (name, operation) in operations)
        {
            Assert.True(operation["operationId"]?.GetValue<string>() is { Length: > 0 } id && char.IsLower(id[0]) && id.All(char.IsAsciiLetterOrDigit),
                $"{name}: needs .WithName(\"camelCaseUseCase\") (its operationId)");
            Assert.True(operation["summary"]?.GetValue<string>() is { Length: > 0 }, $"{name}: needs .WithSummary(...)");
            Assert.True(operation["tags"] is JsonArray { Count: 1 }, $"{name}: needs exactly one tag");
        }

        var declared = (await ServedAsync())["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        foreach (var (name, operation) in operations)
        {
            var tag = operation["tags"]![0]!.GetValue<string>();
            Assert.True(declared.GetValueOrDefault(tag) is { Length: > 0 }, $"{name}: its tag '{tag}' is not in ApiContract.Tags with a description");
        }

        var duplicates = operations.GroupBy(o => o.Operation["operationId"]!.GetValue<string>()).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task Every_operation_declares_a_typed_success_and_problem_details_for_its_errors()
    {
        foreach (var (name, operation) in await OperationsAsync())
        {
            var responses = operation["responses"]!.AsObject();
            var successes = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(successes.Count > 0, $"{name}: declares no 2xx response");
            foreach (var (status, response) in successes)
            {
                // 204 has no body by definition, and the only 202 (a password reset was requested) says nothing more.
                if (status is "204" or "202") Assert.True(response!["content"] is null, $"{name}: {status} with a body");
                else Assert.True(response!["content"] is JsonObject { Count: > 0 } content && content.All(c => c.Value!["schema"] is JsonObject),
                    $"{name}: {status} has no schema (answer 204 when there is no body)");
            }

            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
                Assert.True(response!["content"]?["application/problem+json"]?["schema"] is JsonObject, $"{name}: {status} is not application/problem+json");
        }
    }

    [Fact]
    public async Task Every_operation_is_secured_or_explicitly_anonymous()
    {
        var schemes = (await ServedAsync())["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["apiKey"]!["scheme"]!.GetValue<string>());
        Assert.Equal("faultline.session", schemes["session"]!["name"]!.GetValue<string>());

        foreach (var (name, operation) in await OperationsAsync())
        {
            var security = Assert.IsType<JsonArray>(operation["security"]);
            foreach (var requirement in security)
                Assert.All(requirement!.AsObject(), scheme => Assert.True(schemes.ContainsKey(scheme.Key), $"{name}: unknown scheme {scheme.Key}"));
            if (security.Count > 0) Assert.True(operation["responses"]!.AsObject().ContainsKey("401"), $"{name}: secured, yet it declares no 401");
        }
    }

    /// <summary>What the Swagger UI's "Try it out" sends once a key is in its Authorize box: the bearer key and, in a browser
    /// signed in to the SPA, the session cookie too, but never an antiforgery token. The key decides, so the POST goes through.</summary>
    [Fact]
    public async Task A_post_with_an_api_key_needs_no_antiforgery_token_even_beside_a_session_cookie()
    {
        using var browser = new ApiSession(fixture.Api);
        await browser.SignUpAsync(Emails.New("swagger"));
        var created = await browser.PostAsync("/api/v1/api-keys", new { name = "swagger", scopes = new[] { "ingest", "read" } });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        const string events = """
            [{"type": "run", "provider": "api", "externalId": "try-it-out-1", "repository": "acme/shop", "pipeline": "ci",
              "branch": "main", "status": "success", "startedAt": "2026-01-15T09:00:00Z", "finishedAt": "2026-01-15T09:01:00Z"}]
            """;

        foreach (var withCookie in new[] { false, true })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
            {
                Content = new StringContent(events, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", key);
            var response = withCookie
                ? await browser.SendAsync(request, withAntiforgery: false)
                : await fixture.Api.Client.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, $"cookie: {withCookie}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [InlineData("/api/v1/events")]
    [InlineData("/api/v1/predict")]
    [InlineData("/api/v1/metrics/query")]
    public async Task The_request_examples_of_the_document_are_accepted_as_they_are(string path)
    {
        var example = (await ServedAsync())["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        using var owner = new ApiSession(fixture.Api);
        await owner.SignUpAsync(Emails.New("examples"));
        var created = await owner.PostAsync("/api/v1/api-keys", new { name = "examples", scopes = new[] { "ingest", "read", "predict" } });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(example.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", key);
        var response = await fixture.Api.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
