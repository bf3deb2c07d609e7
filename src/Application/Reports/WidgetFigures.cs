using Faultline.Application.Analytics;
using Faultline.Application.Dashboards;
using Faultline.Domain;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Reports;

/// <summary>
/// What a widget shows, computed as the SPA computes it (chartOptions.ts and units.ts): whether there is anything to draw,
/// a stat's one number, a stacked bar's heights. A report and the screen it links to say the same.
/// </summary>
public static class WidgetFigures
{
    public const string NoDataReason = "No data in this range";

    /// <summary>Counts and costs add up over buckets and groups; rates and durations do not.</summary>
    public static bool IsAdditive(MetricUnit unit) => unit is MetricUnit.Count or MetricUnit.Usd;

    public static MetricUnit UnitOf(MetricResult result) => EnumCode.Parse<MetricUnit>(result.Unit);

    /// <summary>One number for many: the total of additive units, else the mean of the known values.</summary>
    public static double? Summarize(IEnumerable<double?> values, MetricUnit unit)
    {
        var known = values.OfType<double>().ToList();
        if (known.Count == 0) return null;
        return IsAdditive(unit) ? known.Sum() : known.Average();
    }

    /// <summary>A stat's big number: the total of counts and costs, the mean of rates and durations.</summary>
    public static double? StatValue(MetricResult result) => Summarize(result.Series.SelectMany(s => s.Points.Select(p => p.Value)), UnitOf(result));

    /// <summary>Per bucket, the groups combined: a stat's sparkline.</summary>
    public static IReadOnlyList<double?> CombinedPoints(MetricResult result) =>
        Enumerable.Range(0, BucketCount(result))
            .Select(index => Summarize(result.Series.Select(s => index < s.Points.Count ? s.Points[index].Value : null), UnitOf(result))).ToList();

    public static int BucketCount(MetricResult result) => result.Series.Count == 0 ? 0 : result.Series.Max(s => s.Points.Count);

    /// <summary>Nothing to draw: no series, or no known value in any bucket (rates and durations of empty buckets are null).</summary>
    public static bool HasData(MetricResult result) => result.Shape == EnumCode.Of(MetricShape.Table)
        ? result.Table.Count > 0
        : result.Series.Any(s => s.Points.Any(p => p.Value is not null));

    /// <summary>How a widget comes out: failed with the error, empty (a pie of zeros draws nothing either), or drawn.</summary>
    public static WidgetOutcome Outcome(string title, string chart, WidgetData? data)
    {
        if (data?.Error is { } error) return new(title, WidgetOutcomeStatus.Failed, $"{error.Title}: {error.Detail}");
        var result = data?.Result;
        var empty = result is null || !HasData(result)
            || (chart == EnumCode.Of(ChartType.Pie) && result.Shape == EnumCode.Of(MetricShape.Series) && StatValue(result) == 0);
        return empty ? new(title, WidgetOutcomeStatus.Empty, NoDataReason) : new(title, WidgetOutcomeStatus.Ok, null);
    }
}
