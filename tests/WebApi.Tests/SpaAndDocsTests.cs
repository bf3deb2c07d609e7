using System.Net;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

public sealed class SpaAndDocsTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private HttpClient Client => fixture.Api.Client;

    [Theory]
    [InlineData("/")]
    [InlineData("/status")]
    [InlineData("/runs/some/deep/link")]
    public async Task The_spa_answers_its_own_routes_with_index_html(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=root>", await response.Content.ReadAsStringAsync());
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Fingerprinted_assets_are_cached_for_good()
    {
        var response = await Client.GetAsync("/assets/app-1234.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_not_index_html()
    {
        var response = await Client.GetAsync("/assets/missing-5678.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.Equal("Faultline API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/admin/tenants", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/health/ready", out _));
    }

    [Fact]
    public async Task The_openapi_document_holds_the_alerts_contract()
    {
        var paths = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        string[] operations =
        [
            "get /api/v1/alerts/rules", "post /api/v1/alerts/rules", "get /api/v1/alerts/rules/{id}", "put /api/v1/alerts/rules/{id}",
            "delete /api/v1/alerts/rules/{id}", "post /api/v1/alerts/rules/{id}/mute", "post /api/v1/alerts/rules/{id}/test",
            "get /api/v1/alerts/channels", "post /api/v1/alerts/channels", "delete /api/v1/alerts/channels/{id}", "get /api/v1/alerts/history",
        ];
        foreach (var operation in operations)
        {
            var (method, path) = (operation.Split(' ')[0], operation.Split(' ')[1]);
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out var described)
                && described.TryGetProperty("summary", out _), operation);
        }
    }

    [Fact]
    public async Task The_interactive_api_docs_are_served_under_api_docs()
    {
        var response = await Client.GetAsync("/api/docs/index.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("swagger-ui", html, StringComparison.OrdinalIgnoreCase);
        // The page runs under the product's CSP, which allows no inline script: its scripts come from this origin.
        Assert.Equal(Hosting.SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotMatch(@"<script>\s*\S", html);
    }
}
