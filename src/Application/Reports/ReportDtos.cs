using Faultline.Domain;
using Faultline.Domain.Analytics;
using Faultline.Domain.Reports;

namespace Faultline.Application.Reports;

/// <summary>A schedule with its latest run, as the store lists them.</summary>
public sealed record ReportScheduleStatus(ReportSchedule Schedule, ReportRunDto? LastRun);

public sealed record ReportCadenceDto(
    [property: EnumCodes<ReportFrequency>] string Frequency, string Time, [property: EnumCodes<DayOfWeek>] string? Weekday, int? DayOfMonth)
{
    public static ReportCadenceDto From(ReportCadence c) => new(EnumCode.Of(c.Frequency), c.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        c.Weekday is { } day ? EnumCode.Of(day) : null, c.DayOfMonth);
}

/// <summary>A report schedule; NextRunAt is null while it is paused. IncludeChanges: a digest, with what changed against the previous period.</summary>
public sealed record ReportScheduleDto(
    Guid Id, string Name, Guid DashboardId, [property: EnumCodes<ReportRange>] string Range, string RangeLabel, MetricFilters Filters,
    IReadOnlyList<string> Recipients, Guid? SlackChannelId, ReportCadenceDto Cadence, string TimeZone,
    [property: EnumCodes<ReportDeliveryFormat>] string Format, bool IncludeChanges, [property: EnumCodes<PaperSize>] string Paper,
    [property: EnumCodes<PageOrientation>] string Orientation, bool Paused, DateTimeOffset? NextRunAt, ReportRunDto? LastRun,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ReportScheduleDto From(ReportSchedule s, ReportRunDto? lastRun) => new(s.Id, s.Name, s.DashboardId, EnumCode.Of(s.Range),
        s.Range.Label(), s.Filters, s.Recipients, s.SlackChannelId, ReportCadenceDto.From(s.Cadence), s.TimeZone, EnumCode.Of(s.Format), s.IncludeChanges,
        EnumCode.Of(s.Paper), EnumCode.Of(s.Orientation), s.Paused,
        s.Paused ? null : s.NextRunAt, lastRun, s.CreatedAt, s.UpdatedAt);
}

/// <summary>
/// One run: scheduled (with its due time) or started by hand. Status is running, sent or failed; Errors say why it
/// failed or which widgets did. SlackStatus is pending, sent or failed when the schedule has a Slack channel.
/// </summary>
public sealed record ReportRunDto(
    Guid Id, Guid ScheduleId, DateTimeOffset? DueAt, [property: EnumCodes<ReportTrigger>] string Trigger, [property: EnumCodes<ReportRunStatus>] string Status,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int? DurationMs, long? SizeBytes, int? Pages, DateTimeOffset? RangeFrom, DateTimeOffset? RangeTo,
    IReadOnlyList<string> Recipients, IReadOnlyList<string> Errors, bool HasPdf, bool HasCsv, [property: EnumCodes<ReportMessageStatus>] string? SlackStatus);

/// <summary>The next due times of a cadence, in UTC and as the schedule's local time.</summary>
public sealed record ReportNextRuns(string TimeZone, IReadOnlyList<DateTimeOffset> Times);
