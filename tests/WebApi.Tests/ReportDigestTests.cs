using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Application.Analytics;
using Faultline.Domain.Analytics;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Faultline.WebApi.Tests;

/// <summary>
/// A digest over two periods seeded through the events API: its "what changed" in the PDF (read back with pdftotext) and in
/// the e-mail received by the SMTP server says what the metrics API answers for the report's range and the period before.
/// </summary>
public sealed class ReportDigestTests(ReportApiFixture fixture) : IClassFixture<ReportApiFixture>
{
    private RunningApi Api => fixture.Api;

    private static object Job(string id, string name, DateTimeOffset at, string status = "failure") => new
    {
        type = "job", provider = "api", externalId = id, attempt = 1, runExternalId = "run-" + id, repository = "acme/digest", pipeline = "CI",
        branch = "main", defaultBranch = "main", name, status, queuedAt = at, startedAt = at.AddMinutes(1), finishedAt = at.AddMinutes(4),
    };

    private static object Run(string id, DateTimeOffset at, string status) => new
    {
        type = "run", provider = "api", externalId = id, attempt = 1, repository = "acme/digest", pipeline = "CI", branch = "main", defaultBranch = "main",
        status, queuedAt = at, startedAt = at, finishedAt = at.AddMinutes(5),
    };

    private static async Task<JsonElement> MetricAsync(HttpClient key, object query)
    {
        var response = await key.PostAsJsonAsync("/api/v1/metrics/query", query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, double> Failures(JsonElement topFailingJobs) => topFailingJobs.GetProperty("table").EnumerateArray()
        .ToDictionary(row => row.GetProperty("fields").GetProperty("job").GetString()!, row => row.GetProperty("values").GetProperty("failures").GetDouble());

    private static Dictionary<string, double> Totals(JsonElement series) => series.GetProperty("series").EnumerateArray()
        .Where(s => s.GetProperty("points")[0].GetProperty("value").ValueKind == JsonValueKind.Number)
        .ToDictionary(s => s.GetProperty("group").GetString()!, s => s.GetProperty("points")[0].GetProperty("value").GetDouble());

    [Fact]
    public async Task The_digest_lists_new_failing_jobs_growing_categories_and_broken_branches_as_the_metrics_api_counts_them()
    {
        using var owner = new ApiSession(Api);
        var recipient = Emails.New("digest");
        await owner.SignUpAsync(recipient);
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        using var _k = key;
        var now = DateTimeOffset.UtcNow;
        var before = now.AddDays(-10);
        var recent = now.AddDays(-3);
        (await key.PostAsJsonAsync("/api/v1/events", new[]
        {
            // The period before: "steady" already failed; "fresh" passed.
            Job("s-0", "steady", before), Job("f-0", "fresh", before.AddHours(1), "success"),
            // The report's range: "steady" fails again (not new), "fresh" fails three times, "lone" once; the last run on main failed.
            Job("s-1", "steady", recent), Job("s-2", "steady", recent.AddHours(1)),
            Job("f-1", "fresh", recent.AddHours(2)), Job("f-2", "fresh", recent.AddHours(3)), Job("f-3", "fresh", recent.AddHours(4)),
            Job("l-1", "lone", recent.AddHours(5)),
            // main passed in the period before and has failed since the range's fourth day.
            Run("main-1", before, "success"), Run("main-2", recent.AddHours(6), "failure"),
        })).EnsureSuccessStatusCode();

        var dashboardId = (await owner.JsonAsync("/api/v1/dashboards")).EnumerateArray().First(d => d.GetProperty("isDefault").GetBoolean()).GetProperty("id").GetGuid();
        var name = "Weekly digest " + Guid.NewGuid().ToString("N")[..6];
        var created = await owner.PostAsync("/api/v1/reports", new
        {
            name, dashboardId, range = "past_week", recipients = new[] { recipient }, timeZone = "UTC", format = "pdf", includeChanges = true,
            cadence = new { frequency = "weekly", time = "08:00", weekday = "monday" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("includeChanges").GetBoolean());

        var sent = await owner.PostAsync($"/api/v1/reports/{report.GetProperty("id").GetGuid()}/send", new { });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var run = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", run.GetProperty("status").GetString());
        var from = run.GetProperty("rangeFrom").GetDateTimeOffset();
        var to = run.GetProperty("rangeTo").GetDateTimeOffset();
        var previousFrom = from - (to - from);

        var jobsNow = Failures(await MetricAsync(key, new { metric = "top_failing_jobs", top = 100, from, to }));
        var jobsBefore = Failures(await MetricAsync(key, new { metric = "top_failing_jobs", top = 100, from = previousFrom, to = from }));
        var categoriesNow = Totals(await MetricAsync(key, new { metric = "failure_categories", from, to }));
        var categoriesBefore = Totals(await MetricAsync(key, new { metric = "failure_categories", from = previousFrom, to = from }));
        // The query API groups by one dimension; the digest names repository and pipeline (one pipeline here, so the same time).
        var broken = Totals(await MetricAsync(key, new { metric = "broken_for", groupBy = "repository", from, to }));
        Assert.Equal(3, jobsNow["fresh"]);
        Assert.Contains("steady", jobsBefore.Keys);
        Assert.True(broken.GetValueOrDefault("acme/digest") > 0, "main's last run failed: it is broken");

        var mail = await Api.Mail.WaitForAsync(recipient, name);
        var pdf = await PdfText.ReadBackAsync(mail.Attachments.Single(a => a.Key.EndsWith(".pdf", StringComparison.Ordinal)).Value, "weekly-digest");
        var html = WebUtility.HtmlDecode(mail.HtmlBody!);
        foreach (var text in new[] { pdf, html, mail.Body })
        {
            Assert.Contains("New failing jobs", text);
            foreach (var (job, failures) in jobsNow.Where(j => !jobsBefore.ContainsKey(j.Key)))
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"acme/digest · CI · {job}"), text);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{jobsNow["fresh"]:0} failures"), text);
            Assert.Contains("lone", text);
            Assert.DoesNotContain("1 failures", text);
            Assert.DoesNotContain("acme/digest · CI · steady", text);
            foreach (var (category, count) in categoriesNow.Where(c => c.Value > categoriesBefore.GetValueOrDefault(c.Key)))
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{count:0} failures, +{count - categoriesBefore.GetValueOrDefault(category):0}"), text);
            Assert.Contains("broken for " + MetricValueText.Of(MetricUnit.Ms, broken["acme/digest"]), text);
        }

        Assert.Contains("What changed against the previous period", pdf);
    }

    [Fact]
    public async Task A_report_without_the_digest_says_nothing_of_what_changed_and_prints_on_the_paper_it_names()
    {
        using var owner = new ApiSession(Api);
        var recipient = Emails.New("plain");
        await owner.SignUpAsync(recipient);
        var dashboardId = (await owner.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
        var name = "Plain " + Guid.NewGuid().ToString("N")[..6];
        var created = await owner.PostAsync("/api/v1/reports", new
        {
            name, dashboardId, range = "past_week", recipients = new[] { recipient }, cadence = new { frequency = "daily", time = "08:00" },
            paper = "letter", orientation = "portrait",
        });
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("includeChanges").GetBoolean());
        Assert.Equal("letter", report.GetProperty("paper").GetString());
        Assert.Equal("portrait", report.GetProperty("orientation").GetString());
        Assert.True((await owner.PostAsync($"/api/v1/reports/{report.GetProperty("id").GetGuid()}/send", new { })).IsSuccessStatusCode);
        var mail = await Api.Mail.WaitForAsync(recipient, name);
        Assert.DoesNotContain("New failing jobs", mail.Body);
        // US Letter, portrait: 612 × 792 points.
        using var pdf = PdfReader.Open(new MemoryStream(mail.Attachments.Single(a => a.Key.EndsWith(".pdf", StringComparison.Ordinal)).Value),
            PdfDocumentOpenMode.Import);
        Assert.Equal((612, 792), ((int)Math.Round(pdf.Pages[0].Width.Point), (int)Math.Round(pdf.Pages[0].Height.Point)));
    }

    [Theory]
    [InlineData("paper", "a5")]
    [InlineData("orientation", "sideways")]
    public async Task An_unknown_paper_or_orientation_is_a_field_named_400_and_stores_nothing(string field, string value)
    {
        using var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("paper"));
        var dashboardId = (await owner.JsonAsync("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Paper", ["dashboardId"] = dashboardId, ["range"] = "past_week", ["recipients"] = new[] { "a@example.test" },
            ["cadence"] = new { frequency = "daily", time = "08:00" }, [field] = value,
        };
        var problem = await ProblemAssert.IsProblemAsync(await owner.PostAsync("/api/v1/reports", body), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await owner.JsonAsync("/api/v1/reports")).GetArrayLength());
    }
}
