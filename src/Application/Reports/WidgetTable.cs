using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Domain;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Reports;

public enum WidgetColumnKind
{
    Time,
    Text,
    Value,
}

public sealed record WidgetColumn(string Key, WidgetColumnKind Kind, MetricUnit Unit);

/// <summary>A cell: a time or a name as the API writes it, or a number as the API returns it; both null when the result has none.</summary>
public readonly record struct WidgetCell(string? Text, double? Number)
{
    public bool IsEmpty => Text is null && Number is null;
}

/// <summary>One row with what it counted: its group and bucket (a series' point) or its fields (a table metric's row).</summary>
public sealed record WidgetRow(IReadOnlyList<WidgetCell> Cells, string? Group, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// A widget's result as rows and columns, as the SPA's tabulate() makes them (its table widget and CSV download):
/// a series gives bucket, group, value; a table metric its fields then its values, each in the order they first appear.
/// </summary>
public sealed record WidgetTable(IReadOnlyList<WidgetColumn> Columns, IReadOnlyList<WidgetRow> Rows)
{
    private static readonly IReadOnlyDictionary<string, string?> NoFields = new Dictionary<string, string?>();

    public static WidgetTable Of(MetricResult result)
    {
        var unit = EnumCode.Parse<MetricUnit>(result.Unit);
        if (result.Shape == EnumCode.Of(MetricShape.Series))
        {
            return new WidgetTable(
                [new("bucket", WidgetColumnKind.Time, unit), new("group", WidgetColumnKind.Text, unit), new("value", WidgetColumnKind.Value, unit)],
                result.Series.SelectMany(series => series.Points.Select(point => new WidgetRow(
                    [new(point.At is { } at ? ApiTime(at) : null, null), new(series.Group is null ? null : MetricGroup.Label(series.Group), null), new(null, point.Value)],
                    series.Group, NoFields))).ToList());
        }

        var fields = result.Table.SelectMany(row => row.Fields.Keys).Distinct().ToList();
        var values = result.Table.SelectMany(row => row.Values.Keys).Distinct().ToList();
        return new WidgetTable(
            [.. fields.Select(key => new WidgetColumn(key, IsTimeField(key) ? WidgetColumnKind.Time : WidgetColumnKind.Text, unit)),
             .. values.Select(key => new WidgetColumn(key, WidgetColumnKind.Value, ValueUnit(key)))],
            result.Table.Select(row => new WidgetRow(
                [.. fields.Select(key => new WidgetCell(row.Fields.GetValueOrDefault(key), null)),
                 .. values.Select(key => new WidgetCell(null, row.Values.GetValueOrDefault(key)))],
                null, row.Fields)).ToList());
    }

    /// <summary>Columns with at least one value: no bucket column without a bucket, no group column without a group-by.</summary>
    public IReadOnlyList<int> InformativeColumns() =>
        Enumerable.Range(0, Columns.Count).Where(index => Rows.Any(row => !row.Cells[index].IsEmpty)).ToList();

    /// <summary>A time as the API's JSON writes it ("2026-11-10T09:00:00+00:00").</summary>
    public static string ApiTime(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    // Table metrics mix units (failures beside failure_rate), so a value column's unit comes from its name.
    private static MetricUnit ValueUnit(string key) =>
        key.EndsWith("rate", StringComparison.Ordinal) ? MetricUnit.Ratio
        : key.EndsWith("_ms", StringComparison.Ordinal) ? MetricUnit.Ms
        : key.Contains("cost", StringComparison.Ordinal) || key.Contains("usd", StringComparison.Ordinal) ? MetricUnit.Usd
        : MetricUnit.Count;

    private static bool IsTimeField(string key) => key.EndsWith("_at", StringComparison.Ordinal) || key.EndsWith("_seen", StringComparison.Ordinal);
}
