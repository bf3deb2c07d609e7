using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Faultline.Application.Reports;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Faultline.WebApi.Tests;

/// <summary>One API whose renderer is the test stand-in (see <see cref="ReportTestRenderer"/>), shared by the report tests.</summary>
public sealed class ReportApiFixture : IAsyncLifetime
{
    public RunningApi Api { get; private set; } = null!;

    public HttpReceiver Slack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await RunningApi.StartAsync(settings: [ReportTestRenderer.Setting]);
        Slack = await HttpReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Api.DisposeAsync();
    }
}

/// <summary>Scheduled reports over HTTP with the real database, SMTP server and a Slack receiver: delivery, links, scheduling, bad input, permissions, isolation.</summary>
public sealed class ReportScheduleTests(ReportApiFixture fixture) : IClassFixture<ReportApiFixture>
{
    private RunningApi Api => fixture.Api;

    private sealed record Tenant(ApiSession Owner, Guid Id, string Schema, Guid DashboardId);

    private async Task<Tenant> TenantAsync(string who)
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New(who));
        var me = await owner.MeAsync();
        var key = me.GetProperty("tenant").GetProperty("key").GetString()!;
        var dashboards = await owner.JsonAsync("/api/v1/dashboards");
        return new Tenant(owner, me.GetProperty("tenant").GetProperty("id").GetGuid(), "t_" + key, dashboards[0].GetProperty("id").GetGuid());
    }

    private static object Report(Guid dashboardId, string name, string[] recipients, Guid? slackChannelId = null, object? cadence = null,
        string? timeZone = "Europe/Berlin", string format = "pdf") => new
    {
        name, dashboardId, range = "past_week", recipients, slackChannelId, timeZone, format,
        cadence = cadence ?? new { frequency = "weekly", time = "08:00", weekday = "monday" },
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Send_now_emails_the_pdf_and_csv_and_slack_gets_a_signed_link_that_downloads_without_login()
    {
        var tenant = await TenantAsync("reports");
        var channel = await CreatedAsync(await tenant.Owner.PostAsync("/api/v1/alerts/channels",
            new { name = "team slack", kind = "slack", url = fixture.Slack.Url("/reports-slack") }));
        var name = "Weekly CI " + Guid.NewGuid().ToString("N")[..6];
        var first = Emails.New("first");
        var report = await CreatedAsync(await tenant.Owner.PostAsync("/api/v1/reports",
            Report(tenant.DashboardId, name, [first, Emails.New("second")], channel.GetProperty("id").GetGuid(), format: "pdf_and_csv")));
        Assert.Equal("Europe/Berlin", report.GetProperty("timeZone").GetString());
        Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(report.GetProperty("nextRunAt").GetDateTimeOffset(),
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DayOfWeek);
        var id = report.GetProperty("id").GetGuid();

        var sent = await tenant.Owner.PostAsync($"/api/v1/reports/{id}/send", new { });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var run = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("hasPdf").GetBoolean() && run.GetProperty("hasCsv").GetBoolean());
        Assert.Equal(2, run.GetProperty("recipients").GetArrayLength());
        Assert.True(run.GetProperty("sizeBytes").GetInt64() > 0);

        // Named by the renderer: the PDF and the CSV zip by their extensions.
        var mail = await Api.Mail.WaitForAsync(first, name);
        var attachedPdf = mail.Attachments.Single(a => a.Key.EndsWith(".pdf", StringComparison.Ordinal)).Value;
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(attachedPdf[..4]));
        Assert.Single(mail.Attachments, a => a.Key.EndsWith(".zip", StringComparison.Ordinal));
        Assert.Contains("Jobs", mail.HtmlBody);
        Assert.Contains("Failure rate", mail.Body);

        await RunningApi.WaitForAsync(() => Task.FromResult(fixture.Slack.To("/reports-slack").Count > 0));
        var message = JsonDocument.Parse(fixture.Slack.To("/reports-slack")[0].Body).RootElement;
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(message.ToString(), @"http://faultline\.test(/api/v1/shared-reports/[A-Za-z0-9_-]+)",
            System.Text.RegularExpressions.RegexOptions.NonBacktracking).Groups[1].Value, UriKind.Relative);
        using var anonymous = new HttpClient { BaseAddress = Api.BaseAddress };
        var shared = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal("application/pdf", shared.Content.Headers.ContentType?.MediaType);
        Assert.Equal(attachedPdf, await shared.Content.ReadAsByteArrayAsync());
        var runId = run.GetProperty("id").GetGuid();
        await RunningApi.WaitForAsync(async () =>
            (await tenant.Owner.JsonAsync($"/api/v1/reports/{id}/runs"))[0].GetProperty("slackStatus").GetString() == "sent");

        // A changed character, or a signature that expired, is not found; so is a token for a run of no tenant.
        var token = link.OriginalString.Split('/')[^1];
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync($"/api/v1/shared-reports/{tampered}"), 404);
        var links = Api.Services.GetRequiredService<IReportLinks>();
        await ProblemAssert.IsProblemAsync(
            await anonymous.GetAsync($"/api/v1/shared-reports/{links.Token(tenant.Id, runId, DateTimeOffset.UtcNow.AddMinutes(-1))}"), 404);
        await ProblemAssert.IsProblemAsync(
            await anonymous.GetAsync($"/api/v1/shared-reports/{links.Token(Guid.NewGuid(), runId, DateTimeOffset.UtcNow.AddDays(1))}"), 404);

        // Logged in, the tenant's files stay downloadable; the history lists the run.
        var pdf = await tenant.Owner.GetAsync($"/api/v1/reports/runs/{runId}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var disposition = pdf.Content.Headers.ContentDisposition!;
        Assert.EndsWith(".pdf", (disposition.FileNameStar ?? disposition.FileName)!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Owner.GetAsync($"/api/v1/reports/runs/{runId}/csv")).StatusCode);
        var preview = await tenant.Owner.GetAsync($"/api/v1/reports/{id}/preview");
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);
        var listed = await tenant.Owner.JsonAsync("/api/v1/reports");
        Assert.Equal(runId, listed.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("lastRun").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Another_tenant_cannot_see_run_or_download_a_report()
    {
        var a = await TenantAsync("report-a");
        var b = await TenantAsync("report-b");
        var report = await CreatedAsync(await a.Owner.PostAsync("/api/v1/reports", Report(a.DashboardId, "Private", [Emails.New("a")])));
        var id = report.GetProperty("id").GetGuid();
        var run = await (await a.Owner.PostAsync($"/api/v1/reports/{id}/send", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var runId = run.GetProperty("id").GetGuid();

        Assert.Empty((await b.Owner.JsonAsync("/api/v1/reports")).EnumerateArray());
        await ProblemAssert.IsProblemAsync(await b.Owner.GetAsync($"/api/v1/reports/{id}"), 404);
        await ProblemAssert.IsProblemAsync(await b.Owner.GetAsync($"/api/v1/reports/{id}/runs"), 404);
        await ProblemAssert.IsProblemAsync(await b.Owner.PostAsync($"/api/v1/reports/{id}/send", new { }), 404);
        await ProblemAssert.IsProblemAsync(await b.Owner.GetAsync($"/api/v1/reports/{id}/preview"), 404);
        await ProblemAssert.IsProblemAsync(await b.Owner.GetAsync($"/api/v1/reports/runs/{runId}/pdf"), 404);
        await ProblemAssert.IsProblemAsync(await b.Owner.SendAsync(HttpMethod.Delete, $"/api/v1/reports/{id}"), 404);
        // Nor schedule a report of A's dashboard.
        var stolen = await b.Owner.PostAsync("/api/v1/reports", Report(a.DashboardId, "Stolen", [Emails.New("b")]));
        var problem = await ProblemAssert.IsProblemAsync(stolen, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dashboardId", out _));
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM \"{a.Schema}\".report_runs"));
    }

    [Fact]
    public async Task Viewers_read_members_subscribe_themselves_and_only_admins_manage()
    {
        var tenant = await TenantAsync("report-roles");
        var report = await CreatedAsync(await tenant.Owner.PostAsync("/api/v1/reports", Report(tenant.DashboardId, "Roles", [Emails.New("owner")])));
        var id = report.GetProperty("id").GetGuid();
        var (viewer, _, _) = await Teams.JoinAsync(tenant.Owner, "viewer");
        var (member, _, memberEmail) = await Teams.JoinAsync(tenant.Owner, "member");
        var (admin, _, _) = await Teams.JoinAsync(tenant.Owner, "admin");

        await ProblemAssert.IsProblemAsync(await viewer.PostAsync("/api/v1/reports", Report(tenant.DashboardId, "Viewer's", [Emails.New("v")])), 403);
        await ProblemAssert.IsProblemAsync(await member.PostAsync("/api/v1/reports", Report(tenant.DashboardId, "Member's", [Emails.New("m")])), 403);
        await ProblemAssert.IsProblemAsync(await member.PostAsync($"/api/v1/reports/{id}/send", new { }), 403);
        await ProblemAssert.IsProblemAsync(await member.SendAsync(HttpMethod.Delete, $"/api/v1/reports/{id}"), 403);
        Assert.Single((await viewer.JsonAsync("/api/v1/reports")).EnumerateArray());

        var subscribed = await member.SendAsync(HttpMethod.Put, $"/api/v1/reports/{id}/subscription");
        Assert.True(subscribed.IsSuccessStatusCode, await subscribed.Content.ReadAsStringAsync());
        Assert.Contains(memberEmail.ToLowerInvariant(),
            (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        var unsubscribed = await (await member.SendAsync(HttpMethod.Delete, $"/api/v1/reports/{id}/subscription")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, unsubscribed.GetProperty("recipients").GetArrayLength());

        await CreatedAsync(await admin.PostAsync("/api/v1/reports", Report(tenant.DashboardId, "Admin's", [Emails.New("a")])));
        var paused = await (await admin.PostAsync($"/api/v1/reports/{id}/pause", new { paused = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("nextRunAt").ValueKind);
    }

    [Fact]
    public async Task Bad_input_answers_a_field_named_400_and_stores_nothing()
    {
        var tenant = await TenantAsync("report-input");
        var other = await TenantAsync("report-input-other");
        var ok = Emails.New("ok");
        var cases = new (object Body, string Field)[]
        {
            (Report(Guid.NewGuid(), "Unknown dashboard", [ok]), "dashboardId"),
            (Report(other.DashboardId, "Other tenant's dashboard", [ok]), "dashboardId"),
            (Report(tenant.DashboardId, "Hourly", [ok], cadence: new { frequency = "hourly", time = "08:00" }), "cadence.frequency"),
            (Report(tenant.DashboardId, "Bad time", [ok], cadence: new { frequency = "daily", time = "24:30" }), "cadence.time"),
            (Report(tenant.DashboardId, "No weekday", [ok], cadence: new { frequency = "weekly", time = "08:00" }), "cadence.weekday"),
            (Report(tenant.DashboardId, "Bad weekday", [ok], cadence: new { frequency = "weekly", time = "08:00", weekday = "someday" }), "cadence.weekday"),
            (Report(tenant.DashboardId, "Day 32", [ok], cadence: new { frequency = "monthly", time = "08:00", dayOfMonth = 32 }), "cadence.dayOfMonth"),
            (Report(tenant.DashboardId, "Mars", [ok], timeZone: "Mars/Olympus_Mons"), "timeZone"),
            (Report(tenant.DashboardId, "Nobody", []), "recipients"),
            (Report(tenant.DashboardId, "Crowd", Enumerable.Range(0, 101).Select(i => $"r{i}@example.test").ToArray()), "recipients"),
            (Report(tenant.DashboardId, "Malformed", [ok, "not an address"]), "recipients[1]"),
            (Report(tenant.DashboardId, "Header\r\nBcc: victim@example.test", [ok]), "name"),
            (Report(tenant.DashboardId, "Bad channel", [ok], slackChannelId: Guid.NewGuid()), "slackChannelId"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await ProblemAssert.IsProblemAsync(await tenant.Owner.PostAsync("/api/v1/reports", body), 400);
            var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(fields.Any(f => f == field || f.EndsWith("." + field, StringComparison.Ordinal)), $"{field}: {problem}");
        }

        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM \"{tenant.Schema}\".report_schedules"));
        var badPreview = await tenant.Owner.PostAsync("/api/v1/reports/next-runs", new { cadence = new { frequency = "daily", time = "7am" } });
        await ProblemAssert.IsProblemAsync(badPreview, 400);
    }

    [Fact]
    public async Task The_next_runs_preview_answers_three_due_times_in_the_time_zone()
    {
        var tenant = await TenantAsync("report-preview");
        var response = await tenant.Owner.PostAsync("/api/v1/reports/next-runs",
            new { cadence = new { frequency = "monthly", time = "06:30", dayOfMonth = 31 }, timeZone = "America/New_York" });
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var times = preview.GetProperty("times").EnumerateArray().Select(t => TimeZoneInfo.ConvertTime(t.GetDateTimeOffset(), zone)).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times, t => Assert.Equal((6, 30, DateTime.DaysInMonth(t.Year, t.Month)), (t.Hour, t.Minute, t.Day)));
    }

    [Fact]
    public async Task A_due_time_missed_for_days_runs_once_however_many_schedulers_race_for_it()
    {
        var tenant = await TenantAsync("report-race");
        var name = "Daily race " + Guid.NewGuid().ToString("N")[..6];
        var report = await CreatedAsync(await tenant.Owner.PostAsync("/api/v1/reports",
            Report(tenant.DashboardId, name, [Emails.New("race")], cadence: new { frequency = "daily", time = "07:00" }, timeZone: "UTC")));
        var id = report.GetProperty("id").GetGuid();
        // As if every instance had been down for three days: three due times were missed.
        await Api.Database.ScalarAsync<int>($"""
            WITH moved AS (UPDATE "{tenant.Schema}".report_schedules SET next_run_at = date_trunc('day', now()) - interval '3 days' + interval '7 hours'
                           WHERE id = '{id}' RETURNING 1) SELECT count(*)::int FROM moved
            """);

        // The cluster's own tick races four more schedulers asking for the same tenant's due reports.
        var work = Api.Services.GetRequiredService<BackgroundWork>();
        var permissions = new HashSet<Permission> { Permission.DataRead, Permission.ReportsManage };
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => work.SendAsync(tenant.Id, "test:race", permissions, new RunDueReports(), default))));
        await RunningApi.WaitForAsync(async () => await Api.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM \"{tenant.Schema}\".report_runs WHERE status <> 'running'") == 1);
        await work.SendAsync(tenant.Id, "test:race", permissions, new RunDueReports(), default);

        var runs = await tenant.Owner.JsonAsync($"/api/v1/reports/{id}/runs");
        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal("schedule", run.GetProperty("trigger").GetString());
        Assert.Equal("sent", run.GetProperty("status").GetString());
        // The one run is for the latest missed due time, and the next is in the future.
        Assert.True(run.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(-1));
        Assert.True((await tenant.Owner.JsonAsync($"/api/v1/reports/{id}")).GetProperty("nextRunAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(1L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.email_outbox WHERE subject LIKE '{name}%'"));
        await Api.Mail.WaitForAsync("race", name);
    }

    [Fact]
    public async Task A_report_whose_every_widget_failed_is_recorded_as_failed_and_not_sent()
    {
        var tenant = await TenantAsync("report-broken");
        var dashboard = Guid.NewGuid();
        // Widgets of a metric that no longer exists, as a dashboard stored by an older version could hold.
        await Api.Database.ScalarAsync<int>($$$"""
            WITH added AS (INSERT INTO "{{{tenant.Schema}}}".dashboards (id, name, is_default, widgets, created_at, updated_at)
                VALUES ('{{{dashboard}}}', 'Broken', false, '[{"id":"w1","title":"Gone","chart":"line","query":{"metric":"retired_metric"},
                "layout":{"x":0,"y":0,"w":6,"h":3}}]', now(), now()) RETURNING 1) SELECT count(*)::int FROM added
            """);
        var name = "Broken " + Guid.NewGuid().ToString("N")[..6];
        var report = await CreatedAsync(await tenant.Owner.PostAsync("/api/v1/reports", Report(dashboard, name, [Emails.New("broken")])));
        var run = await (await tenant.Owner.PostAsync($"/api/v1/reports/{report.GetProperty("id").GetGuid()}/send", new { }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains("Every widget failed", run.GetProperty("errors")[0].GetString());
        Assert.False(run.GetProperty("hasPdf").GetBoolean());
        Assert.Equal(0L, await Api.Database.ScalarAsync<long>($"SELECT count(*) FROM catalog.email_outbox WHERE subject LIKE '{name}%'"));
    }
}
