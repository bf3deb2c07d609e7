using System.Globalization;
using System.Net;
using System.Text;
using Faultline.Application.Alerts;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Reports;

namespace Faultline.Application.Reports;

/// <summary>
/// What a report's e-mail and Slack message say: the schedule, the range in its time zone, the headline numbers, what
/// changed against the previous period (a digest's), links.
/// </summary>
public sealed record ReportTexts(ReportSchedule Schedule, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReportHeadline> Headlines,
    IReadOnlyList<string> Problems, string DashboardUrl, string PdfUrl, ReportChangeSummary? Changes = null)
{
    public string Title => $"{Schedule.Name}: {Schedule.Range.Label()}";

    public string RangeText
    {
        get
        {
            var zone = Schedule.Zone;
            static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
                TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
            return $"{Local(From, zone)} – {Local(To, zone)} ({Schedule.TimeZone})";
        }
    }

    private IEnumerable<string> Lines() =>
    [
        RangeText,
        .. Headlines.Select(h => $"{h.Name}: {h.Value}{(h.Change is null ? "" : $" ({h.Change} against the previous period)")}"),
        .. (Changes?.Sections() ?? []).SelectMany(section => section.Rows.Count == 0
            ? new[] { $"{section.Heading}: none" }
            : section.Rows.Select(row => $"{section.Heading}: {row.Name} — {row.Value}").ToArray()),
        .. Problems.Select(p => $"Not shown: {p}"),
    ];

    public EmailMessage Email(IReadOnlyList<EmailAttachment> attachments)
    {
        var text = new StringBuilder().AppendLine(Title).AppendLine();
        foreach (var line in Lines()) text.AppendLine(line);
        text.AppendLine().AppendLine($"The report is attached. Live dashboard: {DashboardUrl}");

        static string Encode(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder()
            .Append("<div style=\"font-family:system-ui,sans-serif;color:#1f2933\">")
            .Append($"<h2 style=\"margin:0 0 4px\">{Encode(Title)}</h2><p style=\"margin:0 0 12px;color:#52606d\">{Encode(RangeText)}</p>")
            .Append("<table style=\"border-collapse:collapse\">");
        foreach (var h in Headlines)
        {
            html.Append($"<tr><td style=\"padding:4px 16px 4px 0\">{Encode(h.Name)}</td><td style=\"padding:4px 16px 4px 0;font-weight:600\">{Encode(h.Value)}</td>")
                .Append($"<td style=\"padding:4px 0;color:#52606d\">{Encode(h.Change is null ? "" : h.Change + " against the previous period")}</td></tr>");
        }

        html.Append("</table>");
        foreach (var (heading, rows) in Changes?.Sections() ?? [])
        {
            html.Append($"<h3 style=\"margin:16px 0 4px;font-size:15px\">{Encode(heading)}</h3>");
            if (rows.Count == 0) html.Append("<p style=\"margin:0;color:#52606d\">None.</p>");
            else
            {
                html.Append("<table style=\"border-collapse:collapse\">");
                foreach (var (name, value) in rows)
                    html.Append($"<tr><td style=\"padding:2px 16px 2px 0\">{Encode(name)}</td><td style=\"padding:2px 0;font-weight:600\">{Encode(value)}</td></tr>");
                html.Append("</table>");
            }
        }

        foreach (var problem in Problems) html.Append($"<p style=\"color:#9b2c2c\">Not shown: {Encode(problem)}</p>");
        html.Append($"<p>The report is attached. <a href=\"{Encode(DashboardUrl)}\">Open the live dashboard</a>.</p></div>");
        return new EmailMessage(string.Join(", ", Schedule.Recipients), Title, text.ToString(), html.ToString(), attachments);
    }

    public ChannelMessage Slack() => new(Title, [.. Lines()], new AlertLink("Download the report (PDF)", PdfUrl));
}
