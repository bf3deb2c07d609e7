using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Faultline.WebApi.Tests;

/// <summary>
/// The tenant's settings through the API: a new time zone re-cuts the days of data already stored (checked
/// against the raw rows), a new runner price re-prices the cost metric, bad input changes nothing, a
/// Member may read but not change them, and another tenant is untouched.
/// </summary>
public sealed class TenantSettingsTests : IAsyncLifetime
{
    private RunningApi _api = null!;

    public async Task InitializeAsync() => _api = await RunningApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_new_time_zone_cuts_the_stored_days_at_its_midnight_and_a_new_price_reprices_the_cost()
    {
        using var owner = new ApiSession(_api);
        await owner.SignUpAsync(Emails.New("settings"), tenantName: "Westward");
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        var jobs = AnalyticsData.Generate();
        foreach (var batch in AnalyticsData.Events(jobs).Chunk(5_000))
            (await key.PostAsJsonAsync("/api/v1/events", batch)).EnsureSuccessStatusCode();

        var from = AnalyticsData.Start.AddDays(1);
        var to = AnalyticsData.Start.AddDays(11);
        // Ingested while the tenant was on UTC: its days were cut at UTC midnight until now.
        var saved = await owner.SendAsync(HttpMethod.Put, "/api/v1/settings",
            new { organisationName = "Westward Inc.", timeZone = "America/Los_Angeles", runnerMinutePrice = 0.05m });
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(saved.IsSuccessStatusCode, body.ToString());
        Assert.Equal("America/Los_Angeles", body.GetProperty("timeZone").GetString());

        var reference = new AnalyticsReference(jobs, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"), minutePrice: 0.05);
        foreach (var metric in new[] { "jobs", "failure_cost" })
        {
            var result = await QueryAsync(key, new { metric, from, to, bucket = "day" });
            var points = result.GetProperty("series")[0].GetProperty("points").EnumerateArray()
                .ToDictionary(p => p.GetProperty("at").GetDateTimeOffset(), p => p.GetProperty("value").GetDouble());
            var expected = reference.Series(metric, from, to, "day", null, new AnalyticsReference.Filters())[""];
            Assert.Equal(expected.Keys.Order(), points.Keys.Order());
            foreach (var (at, value) in expected)
                AnalyticsCorrectnessTests.AssertClose(value ?? 0, points[at], $"{metric} {at:O}");
        }

        // Days start at Los Angeles midnight: 07:00 or 08:00 UTC, across the DST change in the data.
        var days = (await QueryAsync(key, new { metric = "jobs", from, to, bucket = "day" })).GetProperty("series")[0].GetProperty("points")
            .EnumerateArray().Select(p => p.GetProperty("at").GetDateTimeOffset().UtcDateTime.Hour).Distinct().Order();
        Assert.Equal([7, 8], days);

        var me = await owner.MeAsync();
        Assert.Equal("America/Los_Angeles", me.GetProperty("tenant").GetProperty("timeZone").GetString());
        Assert.Equal("Westward Inc.", me.GetProperty("tenant").GetProperty("name").GetString());
        var audit = (await owner.JsonAsync("/api/v1/audit")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("settings.time_zone", audit);
        Assert.Contains("settings.runner_price", audit);
        Assert.Contains("settings.name", audit);
    }

    public static TheoryData<string, object> BadSettings() => new()
    {
        { "timeZone", new { organisationName = "Acme", timeZone = "Mars/Olympus_Mons", runnerMinutePrice = 0.008m } },
        { "timeZone", new { organisationName = "Acme", timeZone = "Pacific Standard Time", runnerMinutePrice = 0.008m } },
        { "timeZone", new { organisationName = "Acme", timeZone = "", runnerMinutePrice = 0.008m } },
        { "runnerMinutePrice", new { organisationName = "Acme", timeZone = "Europe/Berlin", runnerMinutePrice = -0.01m } },
        { "runnerMinutePrice", new { organisationName = "Acme", timeZone = "Europe/Berlin", runnerMinutePrice = 12m } },
        { "runnerMinutePrice", new { organisationName = "Acme", timeZone = "Europe/Berlin", runnerMinutePrice = 0.0000001m } },
        { "runnerMinutePrice", new { organisationName = "Acme", timeZone = "Europe/Berlin" } },
        { "organisationName", new { organisationName = "Acme\r\nBcc: x@example.test", timeZone = "Europe/Berlin", runnerMinutePrice = 0.008m } },
        { "organisationName", new { organisationName = " ", timeZone = "Europe/Berlin", runnerMinutePrice = 0.008m } },
        { "organisationName", new { timeZone = "Europe/Berlin", runnerMinutePrice = 0.008m } },
        { "organisationName", new { organisationName = new string('a', 121), timeZone = "Europe/Berlin", runnerMinutePrice = 0.008m } },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_a_problem_naming_the_field_and_change_nothing(string field, object settings)
    {
        using var owner = new ApiSession(_api);
        await owner.SignUpAsync(Emails.New("settings"), tenantName: "Acme");
        var before = (await owner.JsonAsync("/api/v1/settings")).ToString();

        var response = await owner.SendAsync(HttpMethod.Put, "/api/v1/settings", settings);

        var problem = await ProblemAssert.IsProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, (await owner.JsonAsync("/api/v1/settings")).ToString());
    }

    [Fact]
    public async Task A_member_reads_the_settings_but_cannot_change_them_and_another_tenant_is_untouched()
    {
        using var owner = new ApiSession(_api);
        await owner.SignUpAsync(Emails.New("settings"), tenantName: "Acme");
        var (member, _, _) = await Teams.JoinAsync(owner, "member");
        using var other = new ApiSession(_api);
        await other.SignUpAsync(Emails.New("other"), tenantName: "Other");

        Assert.Equal("UTC", (await member.JsonAsync("/api/v1/settings")).GetProperty("timeZone").GetString());
        var denied = await member.SendAsync(HttpMethod.Put, "/api/v1/settings",
            new { organisationName = "Taken over", timeZone = "Asia/Tokyo", runnerMinutePrice = 0m });
        await ProblemAssert.IsProblemAsync(denied, 403);

        var changed = await owner.SendAsync(HttpMethod.Put, "/api/v1/settings",
            new { organisationName = "Acme", timeZone = "Asia/Tokyo", runnerMinutePrice = 0.02m });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var theirs = await other.JsonAsync("/api/v1/settings");
        Assert.Equal("Other", theirs.GetProperty("organisationName").GetString());
        Assert.Equal("UTC", theirs.GetProperty("timeZone").GetString());
        Assert.Equal(0.008m, theirs.GetProperty("runnerMinutePrice").GetDecimal());
        Assert.Equal("Asia/Tokyo", (await member.JsonAsync("/api/v1/settings")).GetProperty("timeZone").GetString());
    }

    private static async Task<JsonElement> QueryAsync(HttpClient key, object spec)
    {
        var response = await key.PostAsJsonAsync("/api/v1/metrics/query", spec);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }
}
