using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Sentry against a real HTTP receiver of its envelope endpoint: an unhandled exception arrives with the tenant,
/// the request id and the release, and without the request's body, cookies, authorization or API key.
/// </summary>
public sealed class ErrorMonitoringTests
{
    private const string Project = "42";
    private const string Release = "faultline@test-release";

    [Fact]
    public async Task An_unhandled_exception_is_reported_with_tenant_request_and_release_and_without_secrets()
    {
        await using var sentry = await HttpReceiver.StartAsync();
        await using var api = await RunningApi.StartAsync(settings: [$"--Sentry:Dsn={Dsn(sentry)}", $"--Sentry:Release={Release}"]);
        using var owner = new ApiSession(api);
        await owner.SignUpAsync(Emails.New("sentry"));
        var tenant = (await owner.MeAsync()).GetProperty("tenant");
        var created = await owner.PostAsync("/api/v1/api-keys", new { name = "reported key", scopes = new[] { "ingest" } });
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        // A failing dependency: the tenant's table is gone, so storing events throws where nothing expects it.
        await api.Database.ScalarAsync<int>($"DROP TABLE t_{tenant.GetProperty("key").GetString()}.job_runs CASCADE; SELECT 1");

        const string BodySecret = "body-secret-5f1c";
        const string CookieSecret = "cookie-secret-9a7e";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events?token=query-secret-3b2d")
        {
            Content = JsonContent.Create(new[] { IngestionTests.Job(BodySecret, "run-1", "build", "failure") }),
        };
        request.Headers.Authorization = new("Bearer", apiKey);
        request.Headers.Add("Cookie", $"faultline.session={CookieSecret}");
        var response = await api.Client.SendAsync(request);
        var problem = await ProblemAssert.IsProblemAsync(response, 500);
        var requestId = problem.GetProperty("traceId").GetString()!;

        HttpReceiver.Received? report = null;
        await RunningApi.WaitForAsync(() =>
        {
            report = sentry.To($"/api/{Project}/envelope/").FirstOrDefault(r => r.Body.Contains(requestId, StringComparison.Ordinal));
            return Task.FromResult(report is not null);
        });

        var envelope = report!.Body;
        Assert.Contains("\"type\":\"event\"", envelope, StringComparison.Ordinal);
        Assert.Contains($"\"TenantId\":\"{tenant.GetProperty("id").GetString()}\"", envelope, StringComparison.Ordinal);
        Assert.Contains($"\"RequestId\":\"{requestId}\"", envelope, StringComparison.Ordinal);
        Assert.Contains(Release, envelope, StringComparison.Ordinal);
        Assert.Contains("PostgresException", envelope, StringComparison.Ordinal);
        foreach (var secret in new[] { apiKey, BodySecret, CookieSecret, "query-secret-3b2d", "faultline.session", "Bearer" })
            Assert.DoesNotContain(secret, envelope, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"cookies\"", envelope, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"authorization\":", envelope, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_failed_background_job_is_reported_with_its_tenant_and_release()
    {
        await using var sentry = await HttpReceiver.StartAsync();
        await using var api = await RunningApi.StartAsync(settings: [$"--Sentry:Dsn={Dsn(sentry)}", $"--Sentry:Release={Release}"]);
        using var owner = new ApiSession(api);
        await owner.SignUpAsync(Emails.New("sentry-job"));
        var tenant = (await owner.MeAsync()).GetProperty("tenant");
        var schema = "t_" + tenant.GetProperty("key").GetString();

        // The tenant's queue is gone; a notification sends the background classifier to it.
        await api.Database.ScalarAsync<int>($"DROP TABLE {schema}.classification_queue CASCADE; SELECT 1");
        await api.Database.ScalarAsync<string>($"SELECT pg_notify('faultline_classification', '{schema}')::text");

        var tenantTag = $"\"TenantId\":\"{tenant.GetProperty("id").GetString()}\"";
        HttpReceiver.Received? report = null;
        await RunningApi.WaitForAsync(() =>
        {
            report = sentry.To($"/api/{Project}/envelope/").FirstOrDefault(r => r.Body.Contains(tenantTag, StringComparison.Ordinal));
            return Task.FromResult(report is not null);
        });

        Assert.Contains("ClassifyQueuedJobs", report!.Body, StringComparison.Ordinal);
        Assert.Contains(Release, report.Body, StringComparison.Ordinal);
    }

    private static string Dsn(HttpReceiver sentry) => sentry.Url($"/{Project}").Replace("http://", "http://public-key@", StringComparison.Ordinal);

    [Fact]
    public async Task Without_a_dsn_nothing_is_sent()
    {
        await using var api = await RunningApi.StartAsync();

        Assert.Null(api.Services.GetService(typeof(Sentry.IHub)));
    }
}
