using Faultline.Domain.Reports;

namespace Faultline.Domain.Tests;

/// <summary>Due times of report cadences across daylight-saving changes and month ends.</summary>
public class ReportCadenceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static ReportCadence Daily(int hour, int minute) => new(ReportFrequency.Daily, new TimeOnly(hour, minute));

    private static DateTimeOffset Utc(string at) => DateTimeOffset.Parse(at + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Daily_at_0900_in_Berlin_keeps_local_time_across_spring_forward()
    {
        // Berlin moves from +01:00 to +02:00 at 02:00 local on 29 March 2026.
        var times = Daily(9, 0).Upcoming(Utc("2026-03-27T12:00:00"), Berlin, 3);
        Assert.Equal([Utc("2026-03-28T08:00:00"), Utc("2026-03-29T07:00:00"), Utc("2026-03-30T07:00:00")], times);
    }

    [Fact]
    public void A_skipped_local_time_runs_once_at_the_end_of_the_gap()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: it runs at 03:00 CEST (01:00 UTC), once, and at 02:30 on the days around it.
        var times = Daily(2, 30).Upcoming(Utc("2026-03-27T12:00:00"), Berlin, 3);
        Assert.Equal([Utc("2026-03-28T01:30:00"), Utc("2026-03-29T01:00:00"), Utc("2026-03-30T00:30:00")], times);
    }

    [Fact]
    public void A_repeated_local_time_runs_once_at_its_first_occurrence()
    {
        // 02:30 happens twice in Berlin on 25 October 2026 (CEST, then CET): the run is at the first, and the next one a day later.
        var times = Daily(2, 30).Upcoming(Utc("2026-10-24T12:00:00"), Berlin, 2);
        Assert.Equal([Utc("2026-10-25T00:30:00"), Utc("2026-10-26T01:30:00")], times);
        Assert.Equal(Utc("2026-10-26T01:30:00"), Daily(2, 30).NextAfter(Utc("2026-10-25T00:30:00"), Berlin));
    }

    [Fact]
    public void New_York_spring_forward_and_fall_back()
    {
        // 8 March 2026: 02:00 EST → 03:00 EDT; 1 November 2026: 02:00 EDT → 01:00 EST.
        Assert.Equal(Utc("2026-03-08T07:00:00"), Daily(2, 15).NextAfter(Utc("2026-03-08T00:00:00"), NewYork));
        Assert.Equal(Utc("2026-03-09T06:15:00"), Daily(2, 15).NextAfter(Utc("2026-03-08T07:00:00"), NewYork));
        Assert.Equal(Utc("2026-11-01T05:30:00"), Daily(1, 30).NextAfter(Utc("2026-11-01T00:00:00"), NewYork));
        Assert.Equal(Utc("2026-11-02T06:30:00"), Daily(1, 30).NextAfter(Utc("2026-11-01T05:30:00"), NewYork));
        Assert.Equal(Utc("2026-11-02T13:00:00"), Daily(8, 0).NextAfter(Utc("2026-11-01T13:00:00"), NewYork));
    }

    [Fact]
    public void Weekly_runs_on_its_weekday_across_a_change()
    {
        var mondays = new ReportCadence(ReportFrequency.Weekly, new TimeOnly(8, 0), DayOfWeek.Monday).Upcoming(Utc("2026-10-20T00:00:00"), Berlin, 2);
        Assert.Equal([Utc("2026-10-26T07:00:00"), Utc("2026-11-02T07:00:00")], mondays);
    }

    [Fact]
    public void Day_31_runs_on_the_last_day_of_shorter_months()
    {
        var times = new ReportCadence(ReportFrequency.Monthly, new TimeOnly(6, 0), DayOfMonth: 31).Upcoming(Utc("2027-01-01T00:00:00"), TimeZoneInfo.Utc, 4);
        Assert.Equal([Utc("2027-01-31T06:00:00"), Utc("2027-02-28T06:00:00"), Utc("2027-03-31T06:00:00"), Utc("2027-04-30T06:00:00")], times);
        Assert.Equal(Utc("2028-02-29T06:00:00"),
            new ReportCadence(ReportFrequency.Monthly, new TimeOnly(6, 0), DayOfMonth: 30).NextAfter(Utc("2028-02-01T00:00:00"), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Missed_due_times_are_caught_up_by_the_latest_one()
    {
        var cadence = Daily(9, 0);
        Assert.Equal(Utc("2026-06-05T07:00:00"), cadence.LatestDue(Utc("2026-06-01T07:00:00"), Utc("2026-06-05T12:00:00"), Berlin));
        Assert.Equal(Utc("2026-06-01T07:00:00"), cadence.LatestDue(Utc("2026-06-01T07:00:00"), Utc("2026-06-01T07:00:30"), Berlin));
    }

    [Fact]
    public void Calendar_ranges_follow_the_local_calendar()
    {
        // As of Tuesday 27 October 2026 in Berlin: the previous week is Monday 19 October (CEST) to Monday 26 October (CET), 169 hours.
        Assert.Equal((Utc("2026-10-18T22:00:00"), Utc("2026-10-25T23:00:00")), ReportRange.PreviousWeek.Resolve(Utc("2026-10-27T08:00:00"), Berlin));
        var asOf = Utc("2026-11-03T08:00:00");
        Assert.Equal((Utc("2026-09-30T22:00:00"), Utc("2026-10-31T23:00:00")), ReportRange.PreviousMonth.Resolve(asOf, Berlin));
        Assert.Equal((Utc("2026-08-31T22:00:00"), Utc("2026-09-30T22:00:00")), ReportRange.PreviousMonth.Resolve(asOf, Berlin, periodsBack: 1));
        Assert.Equal((asOf.AddDays(-14), asOf.AddDays(-7)), ReportRange.PastWeek.Resolve(asOf, Berlin, periodsBack: 1));
    }
}
