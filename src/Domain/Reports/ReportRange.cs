namespace Faultline.Domain.Reports;

/// <summary>
/// The time a report covers, as of its due time: rolling (the past day, 7 days, 30 days) or the previous calendar
/// day, week (Monday to Monday) or month of the schedule's time zone.
/// </summary>
public enum ReportRange
{
    PastDay,
    PastWeek,
    PastMonth,
    PreviousDay,
    PreviousWeek,
    PreviousMonth,
}

public static class ReportRanges
{
    public static string Label(this ReportRange range) => range switch
    {
        ReportRange.PastDay => "Last 24 hours",
        ReportRange.PastWeek => "Last 7 days",
        ReportRange.PastMonth => "Last 30 days",
        ReportRange.PreviousDay => "Yesterday",
        ReportRange.PreviousWeek => "Previous calendar week",
        _ => "Previous calendar month",
    };

    /// <summary>
    /// [From, To) of the range as of <paramref name="asOf"/>; <paramref name="periodsBack"/> 1 is the period just
    /// before it (what the summary compares with).
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Resolve(this ReportRange range, DateTimeOffset asOf, TimeZoneInfo zone, int periodsBack = 0)
    {
        var today = LocalTime.DateOf(asOf, zone);
        return range switch
        {
            ReportRange.PastDay => Rolling(asOf, TimeSpan.FromDays(1), periodsBack),
            ReportRange.PastWeek => Rolling(asOf, TimeSpan.FromDays(7), periodsBack),
            ReportRange.PastMonth => Rolling(asOf, TimeSpan.FromDays(30), periodsBack),
            ReportRange.PreviousDay => Calendar(today.AddDays(-1 - periodsBack), today.AddDays(-periodsBack), zone),
            ReportRange.PreviousWeek => Calendar(Monday(today).AddDays(-7 * (periodsBack + 1)), Monday(today).AddDays(-7 * periodsBack), zone),
            _ => Calendar(FirstOfMonth(today).AddMonths(-1 - periodsBack), FirstOfMonth(today).AddMonths(-periodsBack), zone),
        };
    }

    private static (DateTimeOffset, DateTimeOffset) Rolling(DateTimeOffset asOf, TimeSpan length, int periodsBack) =>
        (asOf - length * (periodsBack + 1), asOf - length * periodsBack);

    private static (DateTimeOffset, DateTimeOffset) Calendar(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        (LocalTime.Instant(from.ToDateTime(TimeOnly.MinValue), zone), LocalTime.Instant(to.ToDateTime(TimeOnly.MinValue), zone));

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);
}
