using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Application.Reports;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using PdfSharp.Drawing;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// Vector charts of a widget's result, as the SPA's chartOptions.ts lays them out: lines and areas, bars side by side or
/// stacked per bucket, horizontal bars without buckets, a donut, and a stat's big number with its trend. Groups that
/// are failure categories take the categories' colours; a legend entry links to the runs its group counted.
/// </summary>
internal static class PdfCharts
{
    private const double LegendRow = 10;
    private const int MaxLegendRows = 3;
    private static readonly double[] StepFactors = [1, 2, 5, 10];
    private static readonly int[] DurationSteps = [1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

    private sealed record Entry(string Name, XColor Colour, string? Group);

    public static void Draw(PdfCanvas canvas, XRect area, ChartType chart, MetricResult result, Func<string?, string> drillDown, TimeZoneInfo zone)
    {
        var entries = result.Series.Select((series, index) => new Entry(SeriesName(series, result), Colour(result, series, index), series.Group)).ToList();
        switch (chart)
        {
            case ChartType.Stat:
                Stat(canvas.Graphics, area, result);
                return;
            case ChartType.Pie:
                Donut(canvas, area, result, entries, drillDown);
                return;
            case var _ when result.Bucket is null:
                HorizontalBars(canvas, area, result, entries, drillDown);
                return;
            default:
                var plot = entries.Count > 1 ? Legend(canvas, area, entries, drillDown) : area;
                Bucketed(canvas.Graphics, plot, chart, result, entries, zone);
                return;
        }
    }

    /// <summary>"Compilation", "Unclassified (uncertain)": categories as the SPA names them (categories.ts).</summary>
    public static string CategoryLabel(string code) => code switch
    {
        "uncertain" => "Unclassified (uncertain)",
        "" => code,
        _ => char.ToUpperInvariant(code[0]) + code[1..],
    };

    /// <summary>"failure_rate" → "Failure rate".</summary>
    /// <summary>"duration_ms" → "Duration", as the SPA titles a field: the unit shows in the values' format.</summary>
    public static string Humanize(string code)
    {
        var words = (code.EndsWith("_ms", StringComparison.Ordinal) ? code[..^3] : code).Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static bool ByCategory(MetricResult result) => result.GroupBy == "category" || result.Metric == "failure_categories";

    private static string SeriesName(MetricSeries series, MetricResult result)
    {
        if (series.Group is not null && ByCategory(result)) return CategoryLabel(series.Group);
        return series.Group is null ? (result.GroupBy is not null ? "(none)" : Humanize(result.Metric)) : MetricGroup.Label(series.Group);
    }

    private static XColor Colour(MetricResult result, MetricSeries series, int index) =>
        ByCategory(result) ? ReportPalette.Category(series.Group, index) : ReportPalette.Series(index);

    private static string Format(MetricResult result, double? value) => value is { } v ? MetricValueText.Of(WidgetFigures.UnitOf(result), v) : "—";

    private static void Stat(XGraphics graphics, XRect area, MetricResult result)
    {
        PdfCanvas.Text(graphics, Format(result, WidgetFigures.StatValue(result)), PdfCanvas.Big, ReportPalette.Text,
            new XRect(area.X, area.Y, area.Width, 26), XStringFormats.TopLeft);
        var points = WidgetFigures.CombinedPoints(result);
        if (points.Count < 2) return;
        var caption = WidgetFigures.IsAdditive(WidgetFigures.UnitOf(result)) ? "total over the range"
            : result.Bucket is { } bucket ? $"{(bucket == "day" ? "daily" : bucket + "ly")} average" : "average";
        PdfCanvas.Text(graphics, caption, PdfCanvas.Small, ReportPalette.Muted, new XRect(area.X, area.Y + 26, area.Width, 9), XStringFormats.TopLeft);
        var spark = new XRect(area.X, area.Y + 38, area.Width, Math.Max(8, area.Height - 38));
        var known = points.OfType<double>().ToList();
        if (known.Count == 0) return;
        var (low, high) = (known.Min(), known.Max());
        var line = Polyline(points, i => spark.X + spark.Width * i / (points.Count - 1),
            v => spark.Bottom - (high == low ? spark.Height / 2 : (v - low) / (high - low) * spark.Height));
        foreach (var run in line)
        {
            if (run.Length > 1)
            {
                graphics.DrawPolygon(PdfCanvas.Brush(XColor.FromArgb(31, ReportPalette.Accent)),
                    [.. run, new XPoint(run[^1].X, spark.Bottom), new XPoint(run[0].X, spark.Bottom)], XFillMode.Winding);
                graphics.DrawLines(PdfCanvas.Pen(ReportPalette.Accent, 1.2), run);
            }
        }
    }

    /// <summary>The runs of consecutive known values as points: a null breaks the line, as on screen.</summary>
    private static List<XPoint[]> Polyline(IReadOnlyList<double?> values, Func<int, double> x, Func<double, double> y)
    {
        var runs = new List<XPoint[]>();
        var current = new List<XPoint>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value) current.Add(new XPoint(x(i), y(value)));
            else if (current.Count > 0)
            {
                runs.Add([.. current]);
                current.Clear();
            }
        }

        if (current.Count > 0) runs.Add([.. current]);
        return runs;
    }

    /// <summary>Draws the legend at the bottom of the area (at most three rows; the rest summed up) and returns what is left above it.</summary>
    private static XRect Legend(PdfCanvas canvas, XRect area, IReadOnlyList<Entry> entries, Func<string?, string> drillDown)
    {
        var graphics = canvas.Graphics;
        var rows = new List<List<(Entry Entry, double Width)>> { new() };
        var rowWidth = 0.0;
        var shown = 0;
        foreach (var entry in entries)
        {
            var width = Math.Min(graphics.MeasureString(entry.Name, PdfCanvas.Small).Width, area.Width / 2) + 14;
            if (rowWidth + width > area.Width && rows[^1].Count > 0)
            {
                if (rows.Count == MaxLegendRows) break;
                rows.Add([]);
                rowWidth = 0;
            }

            rows[^1].Add((entry, width));
            rowWidth += width;
            shown++;
        }

        if (shown < entries.Count && rows[^1].Count > 0)
        {
            // The last entry makes room for the count of those left out.
            rows[^1].RemoveAt(rows[^1].Count - 1);
            shown--;
        }

        var top = area.Bottom - rows.Count * LegendRow;
        for (var r = 0; r < rows.Count; r++)
        {
            var x = area.X;
            var y = top + r * LegendRow;
            foreach (var (entry, width) in rows[r])
            {
                graphics.DrawRectangle(PdfCanvas.Brush(entry.Colour), x, y + 2, 6, 6);
                PdfCanvas.Text(graphics, entry.Name, PdfCanvas.Small, ReportPalette.Muted, new XRect(x + 9, y, width - 12, LegendRow), XStringFormats.CenterLeft);
                if (entry.Group is not null) canvas.Link(new XRect(x, y, width - 4, LegendRow), drillDown(entry.Group));
                x += width;
            }

            if (r == rows.Count - 1 && shown < entries.Count)
                PdfCanvas.Text(graphics, $"+{entries.Count - shown} more", PdfCanvas.Small, ReportPalette.Muted,
                    new XRect(x, y, Math.Max(1, area.Right - x), LegendRow), XStringFormats.CenterLeft);
        }

        return new XRect(area.X, area.Y, area.Width, Math.Max(10, top - area.Y - 4));
    }

    /// <summary>
    /// A tick step giving about four steps up to <paramref name="max"/>: 1, 2 or 5 times a power of ten, or for durations whole
    /// human units (30s, 1h…) as the SPA's durationStep picks them.
    /// </summary>
    private static double Step(double max, MetricUnit unit)
    {
        if (max <= 0) return 1;
        if (unit == MetricUnit.Ms && max >= 5000)
            return DurationSteps.Select(s => s * 1000.0).FirstOrDefault(step => max / step <= 6, Math.Ceiling(max / 6 / 86_400_000) * 86_400_000);
        var rough = max / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = StepFactors.Select(f => f * power).First(s => s >= rough);
        return step;
    }

    private static string BucketLabel(DateTimeOffset at, string? bucket, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(bucket == "hour" ? "MMM d HH:mm" : "MMM d", CultureInfo.InvariantCulture);

    private static void Bucketed(XGraphics graphics, XRect area, ChartType chart, MetricResult result, IReadOnlyList<Entry> entries, TimeZoneInfo zone)
    {
        var count = WidgetFigures.BucketCount(result);
        if (count == 0) return;
        double? At(int series, int index) => index < result.Series[series].Points.Count ? result.Series[series].Points[index].Value : null;
        var stacked = chart == ChartType.StackedBar;
        var isBar = chart is ChartType.Bar or ChartType.StackedBar;
        var max = stacked
            ? Enumerable.Range(0, count).Max(i => Enumerable.Range(0, result.Series.Count).Sum(s => At(s, i) ?? 0))
            : result.Series.SelectMany(s => s.Points).Max(p => p.Value ?? 0);
        var step = Step(max, WidgetFigures.UnitOf(result));
        var top = Math.Max(step, Math.Ceiling(max / step) * step);
        var ticks = Enumerable.Range(0, (int)Math.Round(top / step) + 1).Select(i => i * step).ToList();
        var labelWidth = ticks.Max(t => graphics.MeasureString(Format(result, t), PdfCanvas.Small).Width) + 4;
        var plot = new XRect(area.X + labelWidth, area.Y + 4, Math.Max(10, area.Width - labelWidth - 4), Math.Max(10, area.Height - 19));
        double Y(double value) => plot.Bottom - value / top * plot.Height;

        var grid = new XPen(ReportPalette.Border, 0.5) { DashStyle = XDashStyle.Dash };
        foreach (var tick in ticks)
        {
            graphics.DrawLine(tick == 0 ? PdfCanvas.Pen(ReportPalette.Border) : grid, plot.Left, Y(tick), plot.Right, Y(tick));
            PdfCanvas.Text(graphics, Format(result, tick), PdfCanvas.Small, ReportPalette.Muted,
                new XRect(area.X, Y(tick) - 4, labelWidth - 3, 8), XStringFormats.CenterRight);
        }

        // Bars sit in bands; lines run from the first band's start to the last's end, as ECharts draws them.
        var band = plot.Width / count;
        double X(int index) => isBar ? plot.X + band * (index + 0.5) : plot.X + (count == 1 ? plot.Width / 2 : plot.Width * index / (count - 1));
        var buckets = result.Series.First(s => s.Points.Count == count).Points.Select(p => p.At).ToList();
        var sample = BucketLabel(buckets[0] ?? result.From, result.Bucket, zone);
        var every = Math.Max(1, (int)Math.Ceiling((graphics.MeasureString(sample, PdfCanvas.Small).Width + 6) / Math.Max(1, isBar ? band : plot.Width / Math.Max(1, count - 1))));
        for (var i = 0; i < count; i += every)
        {
            if (buckets[i] is not { } at) continue;
            var label = BucketLabel(at, result.Bucket, zone);
            // Below the lowest value label ("0%"), which sits on the axis.
            var slot = new XRect(X(i) - band * every / 2 - 20, plot.Bottom + 5, band * every + 40, 9);
            PdfCanvas.Text(graphics, label, PdfCanvas.Small, ReportPalette.Muted, slot, XStringFormats.TopCenter);
        }

        if (isBar)
        {
            var inner = Math.Min(band * 0.7, stacked ? 28 : 28 * result.Series.Count);
            var width = stacked ? inner : inner / Math.Max(1, result.Series.Count);
            for (var i = 0; i < count; i++)
            {
                var bottom = 0.0;
                for (var s = 0; s < result.Series.Count; s++)
                {
                    if (At(s, i) is not { } value || value <= 0) continue;
                    var x = stacked ? X(i) - inner / 2 : X(i) - inner / 2 + s * width;
                    var from = stacked ? bottom : 0;
                    graphics.DrawRectangle(PdfCanvas.Brush(entries[s].Colour), x, Y(from + value), Math.Max(0.5, width - (stacked ? 0 : 0.6)), Y(from) - Y(from + value));
                    if (stacked) bottom += value;
                }
            }

            return;
        }

        for (var s = 0; s < result.Series.Count; s++)
        {
            var values = Enumerable.Range(0, count).Select(i => At(s, i)).ToList();
            var colour = entries[s].Colour;
            foreach (var run in Polyline(values, X, Y))
            {
                if (chart == ChartType.Area && run.Length > 1)
                    graphics.DrawPolygon(PdfCanvas.Brush(XColor.FromArgb(38, colour)),
                        [.. run, new XPoint(run[^1].X, plot.Bottom), new XPoint(run[0].X, plot.Bottom)], XFillMode.Winding);
                if (run.Length > 1) graphics.DrawLines(PdfCanvas.Pen(colour, 1.2), run);
                if (count <= 31 || run.Length == 1)
                    foreach (var point in run) graphics.DrawEllipse(PdfCanvas.Brush(colour), point.X - 1.5, point.Y - 1.5, 3, 3);
            }
        }
    }

    /// <summary>One value per group, largest first as the API ranks them: a bar each, named on the left, its value at its end.</summary>
    private static void HorizontalBars(PdfCanvas canvas, XRect area, MetricResult result, IReadOnlyList<Entry> entries, Func<string?, string> drillDown)
    {
        var graphics = canvas.Graphics;
        const double row = 12;
        var fits = Math.Max(1, (int)(area.Height / row));
        var shown = entries.Count > fits ? fits - 1 : entries.Count;
        var values = result.Series.Select(s => s.Points.Count > 0 ? s.Points[0].Value : null).ToList();
        var max = Math.Max(values.Max(v => v ?? 0), double.Epsilon);
        var nameWidth = Math.Min(area.Width * 0.38, entries.Take(shown).Max(e => graphics.MeasureString(e.Name, PdfCanvas.Small).Width) + 4);
        const double valueWidth = 44;
        var barSpace = Math.Max(10, area.Width - nameWidth - valueWidth);
        for (var i = 0; i < shown; i++)
        {
            var y = area.Y + i * row;
            var name = new XRect(area.X, y, nameWidth - 4, row);
            PdfCanvas.Text(graphics, entries[i].Name, PdfCanvas.Small, ReportPalette.Muted, name, XStringFormats.CenterRight);
            if (entries[i].Group is not null) canvas.Link(name, drillDown(entries[i].Group));
            var length = (values[i] ?? 0) / max * barSpace;
            if (length > 0) graphics.DrawRectangle(PdfCanvas.Brush(ByCategory(result) ? entries[i].Colour : ReportPalette.Series(0)), area.X + nameWidth, y + 2, length, row - 4);
            PdfCanvas.Text(graphics, Format(result, values[i]), PdfCanvas.Small, ReportPalette.Text,
                new XRect(area.X + nameWidth + length + 3, y, valueWidth, row), XStringFormats.CenterLeft);
        }

        if (shown < entries.Count)
            PdfCanvas.Text(graphics, $"+{entries.Count - shown} more", PdfCanvas.Small, ReportPalette.Muted,
                new XRect(area.X + nameWidth, area.Y + shown * row, barSpace, row), XStringFormats.CenterLeft);
    }

    /// <summary>Each group's share of the whole: a ring, and beside it (or under it when narrow) each group's name, value and share.</summary>
    private static void Donut(PdfCanvas canvas, XRect area, MetricResult result, IReadOnlyList<Entry> entries, Func<string?, string> drillDown)
    {
        var graphics = canvas.Graphics;
        var unit = WidgetFigures.UnitOf(result);
        var values = result.Series.Select(s => WidgetFigures.Summarize(s.Points.Select(p => p.Value), unit) ?? 0).ToList();
        var total = values.Sum();
        var side = area.Width >= area.Height * 1.6;
        var diameter = side ? Math.Min(area.Height, area.Width * 0.45) : Math.Min(area.Width, area.Height * 0.55);
        var ring = new XRect(area.X + (side ? 0 : (area.Width - diameter) / 2), area.Y, diameter, diameter);
        var start = -90.0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] <= 0 || total <= 0) continue;
            var sweep = values[i] / total * 360;
            graphics.DrawPie(new XPen(XColors.White, 1.2), PdfCanvas.Brush(entries[i].Colour), ring, start, sweep);
            start += sweep;
        }

        // The hole: 45 % of the radius of 70 %, as on screen.
        var hole = diameter * 45 / 70;
        graphics.DrawEllipse(XBrushes.White, ring.X + (diameter - hole) / 2, ring.Y + (diameter - hole) / 2, hole, hole);

        var legend = side
            ? new XRect(ring.Right + 10, area.Y, area.Width - diameter - 10, area.Height)
            : new XRect(area.X, ring.Bottom + 6, area.Width, area.Height - diameter - 6);
        const double row = 10;
        var fits = Math.Max(1, (int)(legend.Height / row));
        var shown = entries.Count > fits ? fits - 1 : entries.Count;
        for (var i = 0; i < shown; i++)
        {
            var y = legend.Y + i * row;
            graphics.DrawRectangle(PdfCanvas.Brush(entries[i].Colour), legend.X, y + 2, 6, 6);
            var share = total > 0 && WidgetFigures.IsAdditive(unit) ? string.Create(CultureInfo.InvariantCulture, $" ({values[i] / total * 100:0.#}%)") : "";
            var text = $"{Format(result, values[i])}{share}";
            var valueWidth = graphics.MeasureString(text, PdfCanvas.Small).Width;
            var name = new XRect(legend.X + 9, y, Math.Max(1, legend.Width - valueWidth - 13), row);
            PdfCanvas.Text(graphics, entries[i].Name, PdfCanvas.Small, ReportPalette.Muted, name, XStringFormats.CenterLeft);
            PdfCanvas.Text(graphics, text, PdfCanvas.Small, ReportPalette.Text, new XRect(legend.Right - valueWidth, y, valueWidth, row), XStringFormats.CenterRight);
            if (entries[i].Group is not null) canvas.Link(name, drillDown(entries[i].Group));
        }

        if (shown < entries.Count)
            PdfCanvas.Text(graphics, $"+{entries.Count - shown} more", PdfCanvas.Small, ReportPalette.Muted,
                new XRect(legend.X + 9, legend.Y + shown * row, legend.Width, row), XStringFormats.CenterLeft);
    }
}
