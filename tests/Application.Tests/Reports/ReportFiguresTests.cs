using Faultline.Application.Analytics;
using Faultline.Application.Common;
using Faultline.Application.Dashboards;
using Faultline.Application.Reports;

namespace Faultline.Application.Tests.Reports;

public sealed class ReportFiguresTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    private static MetricResult Series(string unit, params (string? Group, double?[] Values)[] series) => new(
        "failures", unit, "series", T0, T0.AddDays(2), "day", series.Any(s => s.Group is not null) ? "repository" : null,
        series.Select(s => new MetricSeries(s.Group, s.Values.Select((v, i) => new MetricPoint(T0.AddDays(i), v)).ToList())).ToList(), []);

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Etc/GMT+5", true)]
    [InlineData("UTC", true)]
    [InlineData("Pacific Standard Time", false)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("/etc/localtime", false)]
    [InlineData("Europe/Berlin\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_plain_iana_zone_ids_are_time_zones(string? id, bool known) => Assert.Equal(known, IanaTimeZone.Find(id) is not null);

    [Fact]
    public void A_stat_adds_up_counts_and_averages_rates_over_groups_and_buckets()
    {
        Assert.Equal(6, WidgetFigures.StatValue(Series("count", ("a", [1, 2]), ("b", [3, null]))));
        Assert.Equal(0.3, WidgetFigures.StatValue(Series("ratio", ("a", [0.2, null]), ("b", [0.4, null])))!.Value, 9);
        Assert.Equal([4, 2], WidgetFigures.CombinedPoints(Series("count", ("a", [1, 2]), ("b", [3, null]))));
    }

    [Fact]
    public void A_widget_failed_is_empty_or_ok_with_the_reason_it_shows()
    {
        Assert.Equal(new WidgetOutcome("T", WidgetOutcomeStatus.Failed, "Broken: because"),
            WidgetFigures.Outcome("T", "line", new WidgetData("w", null, new WidgetError("Broken", "because"))));
        Assert.Equal(WidgetOutcomeStatus.Empty, WidgetFigures.Outcome("T", "line", new WidgetData("w", Series("ratio", (null, [null, null])), null)).Status);
        Assert.Equal(WidgetOutcomeStatus.Empty, WidgetFigures.Outcome("T", "pie", new WidgetData("w", Series("count", ("a", [0, 0])), null)).Status);
        Assert.Equal(WidgetOutcomeStatus.Empty, WidgetFigures.Outcome("T", "line", null).Status);
        Assert.Equal(new WidgetOutcome("T", WidgetOutcomeStatus.Ok, null), WidgetFigures.Outcome("T", "line", new WidgetData("w", Series("count", ("a", [0, 0])), null)));
    }

    [Fact]
    public void A_series_tabulates_as_bucket_group_value_and_a_table_as_its_fields_then_values()
    {
        var series = WidgetTable.Of(Series("count", ("acme/api\u001fCI", [1, 2])));
        Assert.Equal(["bucket", "group", "value"], series.Columns.Select(c => c.Key));
        Assert.Equal(new WidgetCell("2026-11-11T00:00:00+00:00", null), series.Rows[1].Cells[0]);
        Assert.Equal(new WidgetCell("acme/api · CI", null), series.Rows[1].Cells[1]);
        Assert.Equal(new WidgetCell(null, 2), series.Rows[1].Cells[2]);

        var table = WidgetTable.Of(new MetricResult("top_failing_jobs", "count", "table", T0, T0.AddDays(1), null, null, [],
        [
            new(new Dictionary<string, string?> { ["repository"] = "acme/api", ["job"] = "test" }, new Dictionary<string, double?> { ["failures"] = 3, ["failure_rate"] = 0.5 }),
        ]));
        Assert.Equal(["repository", "job", "failures", "failure_rate"], table.Columns.Select(c => c.Key));
        Assert.Equal(Domain.Analytics.MetricUnit.Ratio, table.Columns[3].Unit);
        Assert.Equal([0, 1, 2, 3], table.InformativeColumns());
        // No group-by, no group column.
        Assert.Equal([0, 2], WidgetTable.Of(Series("count", (null, [1]))).InformativeColumns());
    }
}
