using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Behind a TLS-terminating proxy: forwarded client addresses and scheme are believed from configured proxies
/// only; HSTS on HTTPS; a Content-Security-Policy under which the SPA and the API docs run no inline script.
/// </summary>
public sealed partial class ProxyAndBrowserSecurityTests
{
    private const string ClientBehindProxy = "203.0.113.9";

    private static async Task<(string? Address, HttpResponseMessage Response)> SignUpThroughProxyAsync(RunningApi api)
    {
        var email = Emails.New("proxied");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/signup")
        {
            Content = JsonContent.Create(new { email, password = Passwords.Good, tenantName = email.Split('@')[0] + " Org" }),
        };
        request.Headers.Add("X-Forwarded-For", ClientBehindProxy);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "faultline.test";
        var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var address = await api.Database.ScalarAsync<string?>(
            $"SELECT client_address FROM catalog.audit_log WHERE actor = '{email}' AND action = 'tenant.created'");
        return (address, response);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("faultline.session=", StringComparison.Ordinal));

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        await using var api = await RunningApi.StartAsync();

        var (address, response) = await SignUpThroughProxyAsync(api);

        Assert.Equal("127.0.0.1", address);
        Assert.DoesNotContain("secure", SessionCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_trusted_proxy_gives_the_client_address_and_https_so_cookies_stay_secure_and_hsts_is_sent()
    {
        await using var api = await RunningApi.StartAsync(settings: ["--Faultline:ForwardedHeaders:KnownNetworks:0=127.0.0.0/8"]);

        var (address, response) = await SignUpThroughProxyAsync(api);

        Assert.Equal(ClientBehindProxy, address);
        Assert.Contains("secure", SessionCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_one_abusers_address_limit_does_not_lock_out_the_others()
    {
        await using var api = await RunningApi.StartAsync(productionLimits: true,
            settings: ["--Faultline:ForwardedHeaders:KnownNetworks:0=127.0.0.0/8", "--Faultline:Limits:SignUpsPerAddressPerHour=3"]);

        // A client without cookies: each sign-up is a stranger's, not a signed-in session's (which would need antiforgery).
        using var strangers = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = api.BaseAddress };

        async Task<string> SignUpFromAsync(string address)
        {
            var email = Emails.New("limited");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/signup")
            {
                Content = JsonContent.Create(new { email, password = Passwords.Good, tenantName = email.Split('@')[0] + " Org" }),
            };
            request.Headers.Add("X-Forwarded-For", address);
            var response = await strangers.SendAsync(request);
            return $"{(int)response.StatusCode} {(response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync())}".Trim();
        }

        for (var i = 0; i < 3; i++) Assert.Equal("201", await SignUpFromAsync("203.0.113.66"));
        Assert.StartsWith("429", await SignUpFromAsync("203.0.113.66"), StringComparison.Ordinal);
        Assert.Equal("201", await SignUpFromAsync("198.51.100.7"));
    }

    [Fact]
    public async Task A_proxy_that_is_not_the_configured_one_is_not_believed()
    {
        await using var api = await RunningApi.StartAsync(settings: ["--Faultline:ForwardedHeaders:KnownProxies:0=10.1.2.3"]);

        var (address, _) = await SignUpThroughProxyAsync(api);

        Assert.Equal("127.0.0.1", address);
    }

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex ScriptTag();

    internal static void AssertNoInlineScript(string html)
    {
        foreach (Match script in ScriptTag().Matches(html))
            Assert.True(script.Groups["attributes"].Value.Contains("src=", StringComparison.Ordinal), $"inline script: {script.Value}");
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }
}

public sealed class ContentSecurityPolicyTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/dashboards/42")]
    [InlineData("/api/docs/index.html")]
    [InlineData("/api/v1/me")]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script(string path)
    {
        var response = await fixture.Api.Client.GetAsync(path);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
            ProxyAndBrowserSecurityTests.AssertNoInlineScript(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_spa_page_runs_no_inline_script_so_the_policy_lets_it_load()
    {
        // The built index.html is this file with Vite's bundle tags; the test SPA of RunningApi is a stand-in.
        ProxyAndBrowserSecurityTests.AssertNoInlineScript(File.ReadAllText(Path.Combine(TestStack.RepositoryRoot, "clientapp", "index.html")));
    }
}
