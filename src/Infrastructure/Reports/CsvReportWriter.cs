using System.Globalization;
using System.IO.Compression;
using System.Text;
using Faultline.Application.Reports;
using Faultline.Domain;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// A dashboard's data as a zip of RFC 4180 CSV files (UTF-8, CRLF, a header line): widgets.csv lists every widget with its
/// file, metric, unit, status and reason; each widget with data has its own file with the columns of the SPA's widget CSV:
/// bucket, group, value for a series (bucket as ISO 8601 in UTC, empty without buckets), or a table metric's fields then its
/// values. Numbers are written as the API returns them (ratios as fractions, durations in ms, costs in USD).
/// See docs/reports.md.
/// </summary>
internal static class CsvReportWriter
{
    public const string Manifest = "widgets.csv";

    private static readonly string[] ManifestColumns = ["file", "title", "chart", "metric", "unit", "status", "reason"];

    public static byte[] Write(ReportContent content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new List<IReadOnlyList<string?>> { ManifestColumns };
            for (var index = 0; index < content.Widgets.Count; index++)
            {
                var widget = content.Widgets[index];
                string? file = null;
                if (widget.Result is { } result)
                {
                    file = $"{index + 1:00}-{Slug(widget.Widget.Title)}.csv";
                    var table = WidgetTable.Of(result);
                    var lines = new List<IReadOnlyList<string?>> { table.Columns.Select(c => c.Key).ToList() };
                    lines.AddRange(table.Rows.Select(row => row.Cells.Select(Cell).ToList()));
                    Add(zip, file, lines, content.GeneratedAt);
                }

                manifest.Add([file, widget.Widget.Title, widget.Widget.Chart, widget.Widget.Query.Metric, widget.Result?.Unit,
                    EnumCode.Of(widget.Outcome.Status), widget.Outcome.Reason]);
            }

            Add(zip, Manifest, manifest, content.GeneratedAt);
        }

        return stream.ToArray();
    }

    private static string? Cell(WidgetCell cell) => cell.Number is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : cell.Text;

    private static void Add(ZipArchive zip, string name, IEnumerable<IReadOnlyList<string?>> lines, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var line in lines) writer.Write(string.Join(',', line.Select(Quote)) + "\r\n");
    }

    /// <summary>
    /// RFC 4180 quoting, and a text starting like a formula (= + - @, tab, CR) is written with a leading apostrophe so a
    /// spreadsheet shows it instead of running it. Numbers are written before this and never start that way unless negative.
    /// </summary>
    public static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var safe = text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + text
            : text;
        return safe.IndexOfAny(['"', ',', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    /// <summary>"Failure rate by repo" → "failure-rate-by-repo", as the SPA names a widget's CSV.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "widget" : text[..Math.Min(60, text.Length)];
    }
}
