using Faultline.Domain.Analytics;

namespace Faultline.Domain.Reports;

/// <summary>What a report sends: the PDF alone, or the PDF and the widgets' data as CSV files (zipped).</summary>
public enum ReportDeliveryFormat
{
    Pdf,
    PdfAndCsv,
}

/// <summary>
/// A dashboard sent on a cadence: its range and filters, who receives it (e-mail addresses, and optionally the
/// Slack channel of an alert channel) and in which format; <see cref="IncludeChanges"/> adds "what changed" against the
/// previous period (the weekly digest); the PDF is laid out on <see cref="Paper"/> in <see cref="Orientation"/>. <see cref="NextRunAt"/> is the next due time; a paused
/// schedule keeps it but is not run.
/// </summary>
public sealed record ReportSchedule(
    Guid Id, string Name, Guid DashboardId, ReportRange Range, MetricFilters Filters, IReadOnlyList<string> Recipients, Guid? SlackChannelId,
    ReportCadence Cadence, string TimeZone, ReportDeliveryFormat Format, bool IncludeChanges, PaperSize Paper, PageOrientation Orientation,
    bool Paused, DateTimeOffset NextRunAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const int MaxNameLength = 120;
    public const int MaxRecipients = 100;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
