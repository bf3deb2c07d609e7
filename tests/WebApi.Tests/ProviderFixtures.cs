using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>The providers' own published example payloads, read from ../shared/fixtures as they are.</summary>
public static class ProviderFixtures
{
    /// <summary>
    /// The payload as the provider would send it: the file's text, except that GitLab's documented examples with comments
    /// and trailing commas (".jsonc", not JSON) lose those, as the real delivery has none.
    /// </summary>
    public static string Read(string path)
    {
        var text = File.ReadAllText(Path.Combine(TestStack.ProviderFixtures, path));
        if (!path.EndsWith(".jsonc", StringComparison.Ordinal)) return text;
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(text, options);
        return JsonSerializer.Serialize(document.RootElement);
    }

    /// <summary>The example with some of its fields changed: a provider's payload in a state its examples do not show.</summary>
    public static string Edit(string path, Action<JsonObject> edit)
    {
        var payload = JsonNode.Parse(Read(path))!.AsObject();
        edit(payload);
        return payload.ToJsonString();
    }

    /// <summary>The GitHub examples of one event, by file name ("workflow_run.completed.payload.json"…).</summary>
    public static IEnumerable<string> Github(string eventName) =>
        Directory.EnumerateFiles(Path.Combine(TestStack.ProviderFixtures, "github"), $"{eventName}.*.payload.json").Select(Path.GetFileName).Order()!;
}

/// <summary>A provider webhook of a tenant, and deliveries to it signed the way the provider signs them.</summary>
public sealed record ProviderHook(string Provider, string Path, string Secret)
{
    public static async Task<ProviderHook> CreateAsync(ApiSession owner, string provider)
    {
        var response = await owner.PostAsync("/api/v1/hooks", new { provider, name = $"{provider} hook" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new ProviderHook(provider, new Uri(created.GetProperty("hook").GetProperty("url").GetString()!).AbsolutePath,
            created.GetProperty("secret").GetString()!);
    }

    /// <summary>
    /// GitHub: X-GitHub-Event, a fresh X-GitHub-Delivery id and X-Hub-Signature-256, the HMAC-SHA256 of the raw body with the
    /// secret; GitLab: X-Gitlab-Event and the secret as X-Gitlab-Token.
    /// </summary>
    public HttpRequestMessage Delivery(string body, string eventType, string? deliveryId = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (Provider == "github")
        {
            request.Headers.Add("X-GitHub-Event", eventType);
            request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
            var secret = System.Text.Encoding.UTF8.GetBytes(Secret);
            var signature = System.Security.Cryptography.HMACSHA256.HashData(secret, bytes);
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(signature));
        }
        else
        {
            request.Headers.Add("X-Gitlab-Event", eventType);
            request.Headers.Add("X-Gitlab-Token", Secret);
        }

        return request;
    }
}
