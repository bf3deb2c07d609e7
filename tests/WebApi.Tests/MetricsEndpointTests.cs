using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Faultline.WebApi.Tests;

/// <summary>The Prometheus scrape at /health/metrics: HTTP, database and the product's own metrics.</summary>
public sealed partial class MetricsEndpointTests(RunningApiFixture fixture) : IClassFixture<RunningApiFixture>
{
    private RunningApi Api => fixture.Api;

    private async Task<string> ScrapeAsync()
    {
        var response = await Api.Client.GetAsync("/health/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Value(string scrape, string series) =>
        Sample().Matches(scrape).Where(m => m.Groups["series"].Value == series)
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Sum();

    [GeneratedRegex(@"^(?<series>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [Fact]
    public async Task Ingest_requests_database_and_cache_figures_are_scraped_anonymously()
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("metrics"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        var before = Value(await ScrapeAsync(), "faultline_ingest_events_total");

        var events = Enumerable.Range(0, 7).Select(i => IngestionTests.Job($"m-{i}", "run-m", $"job-{i}", "success")).ToArray();
        (await key.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
        var query = new { metric = "failures", from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow.AddDays(1) };
        (await key.PostAsJsonAsync("/api/v1/metrics/query", query)).EnsureSuccessStatusCode();
        (await key.PostAsJsonAsync("/api/v1/metrics/query", query)).EnsureSuccessStatusCode();

        var scrape = await ScrapeAsync();
        // Other tests of this class share the process's figures, so growth is at least, not exactly, ours.
        Assert.True(Value(scrape, "faultline_ingest_events_total") - before >= 7, scrape);
        Assert.Contains("faultline_ingest_events_total{", scrape, StringComparison.Ordinal);
        Assert.Contains("outcome=\"accepted\"", scrape, StringComparison.Ordinal);
        Assert.True(Value(scrape, "faultline_query_cache_lookups_total") >= 2, scrape);
        Assert.True(Value(scrape, "faultline_query_cache_hit_ratio") > 0, scrape);
        Assert.True(Value(scrape, "http_server_request_duration_seconds_count") > 0, scrape);
        Assert.Matches(@"(?m)^db_client_\w+", scrape);
    }

    [Fact]
    public async Task The_classification_queue_is_measured()
    {
        string scrape = "";
        await RunningApi.WaitForAsync(async () => (scrape = await ScrapeAsync()).Contains("faultline_classification_queue_depth", StringComparison.Ordinal));

        Assert.Contains("faultline_classification_queue_oldest_age_seconds", scrape, StringComparison.Ordinal);
    }
}
