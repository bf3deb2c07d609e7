namespace Faultline.Domain.Reports;

public enum ReportFrequency
{
    Daily,
    Weekly,
    Monthly,
}

/// <summary>
/// When a report runs: daily, weekly on a weekday or monthly on a day, at a local time of a time zone. Due times are
/// instants: a local time that a daylight-saving change skips runs once at the first instant after the gap (02:30 on a
/// 02:00→03:00 night runs at 03:00), and one that a change repeats runs once, at its first occurrence. A day of the
/// month past the month's end runs on its last day (31 in February → the 28th or 29th).
/// </summary>
public sealed record ReportCadence(ReportFrequency Frequency, TimeOnly At, DayOfWeek? Weekday = null, int? DayOfMonth = null)
{
    public const int MaxDayOfMonth = 31;

    /// <summary>The first due time strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        // Start a day early: the local date of "after" may already hold a due time later than it.
        var date = LocalTime.DateOf(after, zone).AddDays(-1);
        while (true)
        {
            if (Matches(date) && LocalTime.Instant(date.ToDateTime(At), zone) is var due && due > after) return due;
            date = date.AddDays(1);
        }
    }

    /// <summary>The next <paramref name="count"/> due times after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Upcoming(DateTimeOffset after, TimeZoneInfo zone, int count)
    {
        var times = new List<DateTimeOffset>(count);
        for (var at = after; times.Count < count;) times.Add(at = NextAfter(at, zone));
        return times;
    }

    /// <summary>The latest due time at or before <paramref name="now"/>, starting from one known due time at or before it.</summary>
    public DateTimeOffset LatestDue(DateTimeOffset knownDue, DateTimeOffset now, TimeZoneInfo zone)
    {
        var latest = knownDue;
        for (var next = NextAfter(latest, zone); next <= now; next = NextAfter(next, zone)) latest = next;
        return latest;
    }

    private bool Matches(DateOnly date) => Frequency switch
    {
        ReportFrequency.Daily => true,
        ReportFrequency.Weekly => date.DayOfWeek == Weekday,
        _ => date.Day == Math.Min(DayOfMonth ?? 1, DateTime.DaysInMonth(date.Year, date.Month)),
    };
}
