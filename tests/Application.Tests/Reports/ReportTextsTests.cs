using Faultline.Application.Reports;
using Faultline.Domain.Analytics;
using Faultline.Domain.Reports;

namespace Faultline.Application.Tests.Reports;

/// <summary>What a report's e-mail and Slack message say, and that nothing a user typed becomes markup.</summary>
public class ReportTextsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);

    private static ReportTexts Texts(string name) => new(
        new ReportSchedule(Guid.NewGuid(), name, Guid.NewGuid(), ReportRange.PreviousWeek, MetricFilters.None, ["a@example.test", "b@example.test"], null,
            new ReportCadence(ReportFrequency.Weekly, new TimeOnly(8, 0), DayOfWeek.Monday), "Europe/Berlin", ReportDeliveryFormat.Pdf, false, PaperSize.A4,
            PageOrientation.Landscape, false, At, At, At),
        new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero),
        [new ReportHeadline("Failure rate", "12.5%", "+2.0 pp")], ["Flaky jobs: the query timed out"], "http://faultline.test/dashboards/1",
        "http://faultline.test/api/v1/shared-reports/token");

    [Fact]
    public void The_email_names_the_range_in_the_schedules_time_zone_with_the_numbers_and_their_change()
    {
        var email = Texts("Weekly CI").Email([]);
        Assert.Equal("a@example.test, b@example.test", email.To);
        Assert.Equal("Weekly CI: Previous calendar week", email.Subject);
        Assert.Contains("Mon 30 Nov 2026 00:00 – Mon 7 Dec 2026 00:00 (Europe/Berlin)", email.TextBody);
        Assert.Contains("Failure rate: 12.5% (+2.0 pp against the previous period)", email.TextBody);
        Assert.Contains("Not shown: Flaky jobs: the query timed out", email.TextBody);
    }

    [Fact]
    public void A_name_with_markup_is_text_in_the_html_summary()
    {
        var html = Texts("<img src=x onerror=alert(1)> & co").Email([]).HtmlBody!;
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; co", html);
    }

    [Fact]
    public void The_slack_message_links_the_stored_pdf()
    {
        var message = Texts("Weekly CI").Slack();
        Assert.Equal("http://faultline.test/api/v1/shared-reports/token", message.Link.Url);
        Assert.Contains(message.Lines, line => line.StartsWith("Failure rate: 12.5%", StringComparison.Ordinal));
    }
}
