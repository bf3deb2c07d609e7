using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Faultline.TestSupport;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The WebApi as its own process, killed with SIGKILL while batches are in flight: every batch it
/// acknowledged is stored whole, and no batch is stored in part.
/// </summary>
public sealed class CrashTests : DatabaseTest
{
    private const int BatchSize = 1_000;

    [Fact]
    public async Task A_kill_mid_ingest_loses_no_acknowledged_batch_and_leaves_no_half_batch()
    {
        var port = TestStack.ClosedPort();
        using var server = WebApiProcess.Start(port, Database);
        try
        {
            await IngestAndKillAsync(server, port);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    private async Task IngestAndKillAsync(Process server, int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await RunningApi.WaitForAsync(async () =>
        {
            try { return (await http.GetAsync("/health/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        });

        var api = new RunningApiAddress(http.BaseAddress!);
        var (key, schema) = await api.TenantWithIngestKeyAsync();
        var acknowledged = new ConcurrentBag<int>();
        var sent = new ConcurrentBag<int>();
        var nextBatch = -1;

        async Task SendUntilKilledAsync()
        {
            while (true)
            {
                var batch = Interlocked.Increment(ref nextBatch);
                sent.Add(batch);
                try
                {
                    var response = await key.PostAsJsonAsync("/api/v1/events", Batch(batch));
                    if (response.IsSuccessStatusCode) acknowledged.Add(batch);
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone
                }
            }
        }

        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(SendUntilKilledAsync)).ToList();
        await RunningApi.WaitForAsync(() => Task.FromResult(acknowledged.Count >= 3));
        server.Kill(entireProcessTree: true);
        await Task.WhenAll(senders);

        Assert.True(sent.Count > acknowledged.Count, "the kill should catch batches in flight");
        foreach (var batch in sent)
        {
            var stored = await Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.job_runs WHERE external_id LIKE 'crash{batch}-%'");
            if (acknowledged.Contains(batch)) Assert.Equal(BatchSize, stored);
            else Assert.True(stored is 0 or BatchSize, $"batch {batch} was stored in part: {stored} of {BatchSize}");
        }
    }

    private static object[] Batch(int batch) => Enumerable.Range(0, BatchSize)
        .Select(i => IngestionTests.Job($"crash{batch}-{i}", $"run{batch}", $"job{i % 20}", i % 7 == 0 ? "failure" : "success"))
        .ToArray();

    /// <summary>Signs up over plain HTTP against a server that is not a <see cref="RunningApi"/>.</summary>
    private sealed class RunningApiAddress(Uri baseAddress)
    {
        public async Task<(HttpClient Key, string Schema)> TenantWithIngestKeyAsync()
        {
            var cookies = new System.Net.CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
            (await browser.PostAsJsonAsync("/api/v1/auth/signup", new { email = Emails.New("crash"), password = Passwords.Good, tenantName = "Crash" }))
                .EnsureSuccessStatusCode();
            var me = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
            var token = (await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/auth/antiforgery")).GetProperty("token").GetString();
            using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys") { Content = JsonContent.Create(new { name = "crash", scopes = new[] { "ingest" } }) };
            create.Headers.Add("X-CSRF-TOKEN", token);
            var created = await (await browser.SendAsync(create)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

            var key = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
            key.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("key").GetString());
            return (key, "t_" + me.GetProperty("tenant").GetProperty("key").GetString());
        }
    }
}
