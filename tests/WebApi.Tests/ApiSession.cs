using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// A client that behaves like the SPA: keeps cookies, and sends the antiforgery token (fetched anew
/// whenever the signed-in identity changes) on every state-changing request.
/// </summary>
public sealed class ApiSession(RunningApi api, CookieContainer? cookies = null) : IDisposable
{
    private readonly CookieContainer _cookies = cookies ?? new CookieContainer();
    private HttpClient? _http;

    private HttpClient _client => _http ??= new(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = api.BaseAddress };

    /// <summary>The same browser, pointed at another instance of the service.</summary>
    public ApiSession On(RunningApi other) => new(other, _cookies);
    private string? _antiforgeryToken;

    public RunningApi Api => api;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withAntiforgery = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await SendAsync(request, withAntiforgery);
    }

    /// <summary>Sends a request built by the caller (any body, any header) in this session.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool withAntiforgery = true)
    {
        if (withAntiforgery) request.Headers.Add("X-CSRF-TOKEN", _antiforgeryToken ??= await FetchAntiforgeryTokenAsync());
        var path = request.RequestUri!.OriginalString;
        var response = await _client.SendAsync(request);
        if (path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) || (path == "/api/v1/members" && request.Method == HttpMethod.Post))
            _antiforgeryToken = null;
        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public async Task SignUpAsync(string email, string password = Passwords.Good, string? tenantName = null)
    {
        var response = await PostAsync("/api/v1/auth/signup", new { email, password, tenantName = tenantName ?? email.Split('@')[0] + " Org" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"sign-up of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task LogInAsync(string email, string password = Passwords.Good)
    {
        var response = await PostAsync("/api/v1/auth/login", new { email, password });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"login of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement> JsonAsync(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> MeAsync() => await JsonAsync("/api/v1/me");

    private async Task<string> FetchAntiforgeryTokenAsync() =>
        (await JsonAsync("/api/v1/auth/antiforgery")).GetProperty("token").GetString()!;

    public void Dispose() => _http?.Dispose();
}

public static class Passwords
{
    public const string Good = "Correct-Horse-Battery-9";
}

/// <summary>Unique e-mail addresses, so tests never collide on accounts or lockouts.</summary>
public static class Emails
{
    public static string New(string who) => $"{who}.{Guid.NewGuid():N}@example.test";
}

/// <summary>Builds teams the way people do: the owner invites, the invitee follows the e-mailed link.</summary>
public static class Teams
{
    /// <summary>A new session for a new user who joined the owner's tenant with <paramref name="role"/>.</summary>
    public static async Task<(ApiSession Session, Guid UserId, string Email)> JoinAsync(ApiSession owner, string role)
    {
        var email = Emails.New(role);
        var invited = await owner.PostAsync("/api/v1/invitations", new { email, role = role == "owner" ? "admin" : role });
        Assert.True(invited.StatusCode == HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());

        var invitation = await owner.Api.Mail.WaitForAsync(email, "invited");
        var member = new ApiSession(owner.Api);
        var joined = await member.PostAsync("/api/v1/members", new { token = invitation.LinkToken("/invite"), password = Passwords.Good });
        Assert.True(joined.StatusCode == HttpStatusCode.Created, await joined.Content.ReadAsStringAsync());
        var userId = (await member.MeAsync()).GetProperty("userId").GetGuid();

        if (role == "owner")
        {
            var promoted = await owner.SendAsync(HttpMethod.Patch, $"/api/v1/members/{userId}", new { role = "owner" });
            Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        }

        return (member, userId, email);
    }

    /// <summary>A new API key of the session's tenant, and a client that uses it.</summary>
    public static async Task<(HttpClient Client, Guid Id)> KeyAsync(ApiSession admin, params string[] scopes)
    {
        var created = await admin.PostAsync("/api/v1/api-keys", new { name = "test key", scopes });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var client = new HttpClient { BaseAddress = admin.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("key").GetString());
        return (client, body.GetProperty("id").GetGuid());
    }
}
