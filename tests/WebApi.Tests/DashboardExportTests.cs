using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Application.Analytics;
using Faultline.Domain.Analytics;
using Faultline.TestSupport;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Faultline.WebApi.Tests;

/// <summary>
/// Dashboard exports over HTTP from a seeded tenant: the PDF read back with pdftotext (poppler-utils) says what the dashboard
/// data API says, its pages are rendered to PNG under test-results/reports for people to look at, the CSV zip holds the
/// API's numbers, and bad input, other tenants and missing permissions are refused.
/// </summary>
public sealed class DashboardExportTests(AnalyticsDataFixture data) : IClassFixture<AnalyticsDataFixture>
{
    private const string Zone = "America/New_York";
    private static readonly DateTimeOffset From = AnalyticsData.Start.AddDays(2);
    private static readonly DateTimeOffset To = AnalyticsData.Start.AddDays(9);

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    private async Task<Guid> DefaultDashboardAsync() =>
        (await data.Key.GetFromJsonAsync<JsonElement>("/api/v1/dashboards")).EnumerateArray().First(d => d.GetProperty("isDefault").GetBoolean()).GetProperty("id").GetGuid();

    private static async Task<byte[]> ExportAsync(HttpClient client, string path, string contentType)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return body;
    }

    private static Task<string> ReadBackAsync(byte[] pdf, string name) => PdfText.ReadBackAsync(pdf, name);

    private static List<string> LinksOf(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var links = new List<string>();
        foreach (var page in document.Pages)
        {
            if (page.Elements.GetArray("/Annots") is not { } annotations) continue;
            foreach (var item in annotations.Elements)
                if ((item is PdfReference reference ? reference.Value : item) is PdfDictionary annotation
                    && annotation.Elements.GetDictionary("/A") is { } action)
                    links.Add(action.Elements.GetString("/URI"));
        }

        return links;
    }

    private static string Local(string iso) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(Zone))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static int Occurrences(string text, string literal)
    {
        var count = 0;
        for (var at = text.IndexOf(literal, StringComparison.Ordinal); at >= 0; at = text.IndexOf(literal, at + literal.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static MetricUnit Unit(JsonElement result) => Enum.Parse<MetricUnit>(result.GetProperty("unit").GetString()!, ignoreCase: true);

    [Fact]
    public async Task The_default_dashboards_pdf_shows_its_title_tenant_range_zone_and_the_numbers_the_data_api_returns()
    {
        var id = await DefaultDashboardAsync();
        var query = $"{Range(From, To)}&tz={Uri.EscapeDataString(Zone)}";
        var pdf = await ExportAsync(data.Key, $"/api/v1/dashboards/{id}/export.pdf?{query}&paper=a4&orientation=landscape", "application/pdf");
        var dashboardData = await data.Key.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/{id}/data?{Range(From, To)}");
        var text = await ReadBackAsync(pdf, "default-a4-landscape");

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var tenant = await data.Api.Database.ScalarAsync<string>($"SELECT name FROM catalog.tenants WHERE 't_' || key = '{data.Schema}'");
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"Page 1 of (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(pages, Occurrences(text, "Reliability overview"));
        Assert.Equal(pages, Occurrences(text, tenant!));
        var range = $"{Local(dashboardData.GetProperty("from").GetString()!)} – {Local(dashboardData.GetProperty("to").GetString()!)} ({Zone})";
        Assert.Equal(pages, Occurrences(text, range));

        // Each stat's number, and each table row's values, as the data API computed them.
        var widgets = dashboardData.GetProperty("widgets").EnumerateArray().ToDictionary(w => w.GetProperty("widgetId").GetString()!, w => w.GetProperty("result"));
        foreach (var stat in new[] { "failures", "failure-rate-now", "cost" })
        {
            var result = widgets[stat];
            var values = result.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("points").EnumerateArray())
                .Select(p => p.GetProperty("value")).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
            var number = Unit(result) is MetricUnit.Count or MetricUnit.Usd ? values.Sum() : values.Average();
            Assert.Contains(MetricValueText.Of(Unit(result), number), text);
        }

        var topFailing = widgets["top-failing"].GetProperty("table").EnumerateArray().ToList();
        Assert.NotEmpty(topFailing);
        foreach (var row in topFailing)
        {
            Assert.Contains(row.GetProperty("fields").GetProperty("job").GetString()!, text);
            var failures = row.GetProperty("values").GetProperty("failures").GetDouble();
            Assert.Contains(MetricValueText.Of(MetricUnit.Count, failures), text);
        }

        // Links back to the live dashboard (with the range's days and the zone) and to the runs each widget counted.
        var links = LinksOf(pdf);
        Assert.Contains(links, link => link.Contains($"/dashboards/{id}?from=2026-10-28&to=2026-11-04", StringComparison.Ordinal));
        Assert.Contains(links, link => link.Contains("/runs?view=jobs", StringComparison.Ordinal) && link.Contains("status=failure", StringComparison.Ordinal));
        Assert.All(links, link => Assert.StartsWith("http", link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_table_runs_over_pages_under_its_header_and_empty_and_failed_widgets_say_why_on_letter_portrait()
    {
        var widgets = new object[]
        {
            new { id = "series", title = "Failure rate by repository, pipeline and branch", chart = "line",
                query = new { metric = "failure_rate", bucket = "day", groupBy = "repository", alsoGroupBy = new[] { "pipeline", "branch" }, top = 30 }, layout = new { x = 0, y = 0, w = 12, h = 6 } },
            new { id = "none", title = "Failures in a repository that does not exist", chart = "pie",
                query = new { metric = "failure_categories", filters = new { repository = "nobody/nothing" } }, layout = new { x = 0, y = 6, w = 4, h = 4 } },
            new { id = "broken", title = "A widget whose metric was retired", chart = "bar", query = new { metric = "jobs", bucket = "day" }, layout = new { x = 4, y = 6, w = 4, h = 4 } },
            new { id = "stacked", title = "Failures by category", chart = "stacked_bar", query = new { metric = "failure_categories", bucket = "day" }, layout = new { x = 8, y = 6, w = 4, h = 4 } },
            new { id = "long", title = "Every failing job", chart = "table", query = new { metric = "top_failing_jobs", top = 100 }, layout = new { x = 0, y = 10, w = 12, h = 6 } },
        };
        // A hundred and twenty more job names, each failing once in the range: a table longer than a page.
        var at = From.AddDays(1);
        (await data.Key.PostAsJsonAsync("/api/v1/events", Enumerable.Range(1, 120).Select(i => new
        {
            type = "job", provider = "api", externalId = $"suite-{i}", attempt = 1, runExternalId = "suites", repository = "acme/suites", pipeline = "CI",
            branch = "main", name = $"suite-{i:000}", status = "failure", queuedAt = at, startedAt = at.AddMinutes(1), finishedAt = at.AddMinutes(2 + i % 7),
        }).ToArray())).EnsureSuccessStatusCode();
        var created = await data.Owner.PostAsync("/api/v1/dashboards", new { name = "Everything at once", widgets });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A stored widget whose metric no longer exists fails when computed; the report must say so rather than leave a hole.
        await data.Api.Database.ScalarAsync<long>(
            $"WITH u AS (UPDATE {data.Schema}.dashboards SET widgets = jsonb_set(widgets, '{{2,query,metric}}', '\"retired_metric\"') WHERE id = '{id}' RETURNING 1) SELECT count(*) FROM u");

        var pdf = await ExportAsync(data.Key, $"/api/v1/dashboards/{id}/export.pdf?{Range(From, To)}&tz={Uri.EscapeDataString(Zone)}&paper=letter&orientation=portrait", "application/pdf");
        var text = await ReadBackAsync(pdf, "everything-letter-portrait");

        var pages = System.Text.RegularExpressions.Regex.Matches(text, @"Page \d+ of (\d+)").Select(m => m.Groups[1].Value).Distinct().Single();
        Assert.True(int.Parse(pages, CultureInfo.InvariantCulture) >= 3, text);
        // A hundred rows: the table goes on over pages, its title marked and its header repeated on each.
        Assert.True(Occurrences(text, "Every failing job (continued)") >= 2, text);
        Assert.Equal(Occurrences(text, "Every failing job"),
            System.Text.RegularExpressions.Regex.Count(text, @"Repository\s+Pipeline\s+Job\s+Failures\s+Jobs\s+Failure rate"));
        Assert.Contains("acme/suites", text);
        Assert.Contains("No data in this range", text);
        Assert.Contains("Failed — This widget's query is", text);
        Assert.Contains("acme/api · CI · main", text);
        using (var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            // Letter portrait: 8.5 × 11 inches.
            Assert.Equal(612, document.Pages[0].Width.Point, 0.5);
            Assert.Equal(792, document.Pages[0].Height.Point, 0.5);
        }
    }

    [Fact]
    public async Task The_csv_zip_has_a_file_per_widget_with_the_data_apis_numbers()
    {
        var id = await DefaultDashboardAsync();
        var zip = await ExportAsync(data.Key, $"/api/v1/dashboards/{id}/export.csv?{Range(From, To)}", "application/zip");
        var dashboardData = await data.Key.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/{id}/data?{Range(From, To)}");
        using var archive = new ZipArchive(new MemoryStream(zip));
        string Read(string name)
        {
            using var reader = new StreamReader(archive.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var manifest = Read("widgets.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,title,chart,metric,unit,status,reason", manifest[0]);
        Assert.Equal(dashboardData.GetProperty("widgets").GetArrayLength(), manifest.Length - 1);
        Assert.Contains("01-failed-jobs.csv,Failed jobs,stat,failures,count,ok,", manifest);

        var failures = Read("01-failed-jobs.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bucket,group,value", failures[0]);
        var points = dashboardData.GetProperty("widgets")[0].GetProperty("result").GetProperty("series")[0].GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(points.Count, failures.Length - 1);
        for (var i = 0; i < points.Count; i++)
        {
            var cells = failures[i + 1].Split(',');
            Assert.Equal(DateTimeOffset.Parse(points[i].GetProperty("at").GetString()!, CultureInfo.InvariantCulture), DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(points[i].GetProperty("value").GetDouble(), double.Parse(cells[2], CultureInfo.InvariantCulture));
        }

        var rate = Read("05-failure-rate-by-repository.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var rateSeries = dashboardData.GetProperty("widgets")[4].GetProperty("result").GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(rateSeries.Sum(s => s.GetProperty("points").GetArrayLength()), rate.Length - 1);
        var first = rateSeries[0].GetProperty("points")[0].GetProperty("value");
        Assert.EndsWith($",{rateSeries[0].GetProperty("group").GetString()},{(first.ValueKind == JsonValueKind.Null ? "" : first.GetDouble().ToString("R", CultureInfo.InvariantCulture))}", rate[1]);
    }

    [Fact]
    public async Task A_csv_cell_that_would_run_as_a_formula_is_quoted_and_defused()
    {
        using var owner = new ApiSession(data.Api);
        await owner.SignUpAsync(Emails.New("export-formula"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        using var _k = key;
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        (await key.PostAsJsonAsync("/api/v1/events", new[]
        {
            new { type = "job", provider = "api", externalId = "x-1", attempt = 1, runExternalId = "x", repository = "acme/api", pipeline = "CI", branch = "main",
                name = "=HYPERLINK(\"http://evil\",\"ok\")", status = "failure", queuedAt = at, startedAt = at.AddMinutes(1), finishedAt = at.AddMinutes(3) },
        })).EnsureSuccessStatusCode();
        var id = (await key.GetFromJsonAsync<JsonElement>("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
        using var archive = new ZipArchive(new MemoryStream(await ExportAsync(key, $"/api/v1/dashboards/{id}/export.csv", "application/zip")));
        var entry = archive.Entries.Single(e => e.Name.EndsWith("top-failing-jobs.csv", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"ok\"\")\"", await reader.ReadToEndAsync());
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "tz=Mars%2FOlympus_Mons", "tz" },
        { "tz=..%2F..%2Fetc%2Fpasswd", "tz" },
        { "paper=a5", "paper" },
        { "orientation=sideways", "orientation" },
        { "from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z", "to" },
        { "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_is_a_problem_naming_the_field(string query, string field)
    {
        var id = await DefaultDashboardAsync();
        foreach (var format in new[] { "pdf", "csv" })
        {
            var problem = await ProblemAssert.IsProblemAsync(await data.Key.GetAsync($"/api/v1/dashboards/{id}/export.{format}?{query}"), 400);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Another_tenants_or_an_unknown_dashboard_is_not_found_and_exports_need_the_read_permission()
    {
        var id = await DefaultDashboardAsync();
        using var other = new ApiSession(data.Api);
        await other.SignUpAsync(Emails.New("export-other"));
        var (otherKey, _) = await Teams.KeyAsync(other, "ingest", "read");
        var (ingestOnly, _) = await Teams.KeyAsync(other, "ingest");
        using var _o = otherKey;
        using var _i = ingestOnly;
        foreach (var format in new[] { "pdf", "csv" })
        {
            await ProblemAssert.IsProblemAsync(await otherKey.GetAsync($"/api/v1/dashboards/{id}/export.{format}"), 404);
            await ProblemAssert.IsProblemAsync(await other.GetAsync($"/api/v1/dashboards/{id}/export.{format}"), 404);
            await ProblemAssert.IsProblemAsync(await data.Key.GetAsync($"/api/v1/dashboards/{Guid.NewGuid()}/export.{format}"), 404);
            var own = (await otherKey.GetFromJsonAsync<JsonElement>("/api/v1/dashboards"))[0].GetProperty("id").GetGuid();
            await ProblemAssert.IsProblemAsync(await ingestOnly.GetAsync($"/api/v1/dashboards/{own}/export.{format}"), 403);
            await ProblemAssert.IsProblemAsync(await data.Api.Client.GetAsync($"/api/v1/dashboards/{own}/export.{format}"), 401);
        }
    }
}
