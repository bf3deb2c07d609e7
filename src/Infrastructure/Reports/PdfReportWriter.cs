using Faultline.Domain.Reports;
using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Application.Reports;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// A dashboard on paper: its widgets in the dashboard's rows and widths (12 columns), tables across the page and continued
/// on the next ones under their repeated header, and on every page the dashboard's name, the tenant, the range, the time zone,
/// the filters, a link to the live dashboard and "page x of y". A widget that failed or has no data says so and why.
/// </summary>
internal static class PdfReportWriter
{
    private const double Padding = 7;
    private const double TitleHeight = 14;
    private const double RowHeight = 13;
    private const double NoteHeight = 44;

    public static (byte[] Content, int Pages) Write(ReportContent content, PaperSize paper, PageOrientation orientation)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{content.DashboardName} — {content.TenantName}";
        document.Info.Creator = "Faultline";
        document.Options.CompressContentStreams = true;
        using (var canvas = new PdfCanvas(document, paper, orientation))
        {
            canvas.NewPage();
            foreach (var row in Rows(content.Widgets)) DrawRow(canvas, content, row);
            if (content.Changes is not null) DrawChanges(canvas, content.Changes);
        }

        var pages = document.PageCount;
        for (var index = 0; index < pages; index++) DrawChrome(document.Pages[index], content, index + 1, pages);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return (stream.ToArray(), pages);
    }

    /// <summary>
    /// The dashboard's rows in reading order: widgets side by side while they fit the 12 columns and start on the same grid row;
    /// a table always has a row of its own, so it can run over pages.
    /// </summary>
    private static List<List<ReportWidget>> Rows(IReadOnlyList<ReportWidget> widgets)
    {
        var rows = new List<List<ReportWidget>>();
        foreach (var widget in widgets.OrderBy(w => w.Widget.Layout.Y).ThenBy(w => w.Widget.Layout.X))
        {
            var last = rows.Count > 0 ? rows[^1] : null;
            var joins = last is not null && !IsTable(widget) && !IsTable(last[0]) && last[0].Widget.Layout.Y == widget.Widget.Layout.Y
                && last.Sum(w => w.Widget.Layout.W) + widget.Widget.Layout.W <= WidgetLayout.Columns;
            if (joins) last!.Add(widget);
            else rows.Add([widget]);
        }

        return rows;
    }

    private static bool IsTable(ReportWidget widget) =>
        widget.Outcome.Status == WidgetOutcomeStatus.Ok && (widget.Chart == ChartType.Table || widget.Result?.Shape == EnumCode.Of(MetricShape.Table));

    private static double BodyHeight(ReportWidget widget) => widget.Outcome.Status != WidgetOutcomeStatus.Ok ? NoteHeight
        : widget.Chart == ChartType.Stat ? 62
        : Math.Clamp(widget.Widget.Layout.H * 34, 120, 230);

    private static void DrawRow(PdfCanvas canvas, ReportContent content, List<ReportWidget> row)
    {
        if (IsTable(row[0]))
        {
            DrawTable(canvas, content, row[0]);
            return;
        }

        var height = TitleHeight + Padding * 2 + row.Max(BodyHeight);
        canvas.Reserve(height);
        var column = (canvas.Width + PdfCanvas.Gap) / WidgetLayout.Columns;
        var x = PdfCanvas.Left;
        foreach (var widget in row)
        {
            var frame = new XRect(x, canvas.Y, column * widget.Widget.Layout.W - PdfCanvas.Gap, height);
            var body = Frame(canvas, content, widget, frame, continued: false);
            if (widget.Outcome.Status == WidgetOutcomeStatus.Ok)
                PdfCharts.Draw(canvas, body, widget.Chart, widget.Result!, group => content.Links.DrillDown(widget.Widget, group), content.Zone);
            else Note(canvas.Graphics, widget.Outcome, body);
            x += column * widget.Widget.Layout.W;
        }

        canvas.Y += height + PdfCanvas.Gap;
    }

    /// <summary>The widget's card and its title (a link to the runs it counted); returns the area inside for its content.</summary>
    private static XRect Frame(PdfCanvas canvas, ReportContent content, ReportWidget widget, XRect frame, bool continued)
    {
        var graphics = canvas.Graphics;
        graphics.DrawRoundedRectangle(PdfCanvas.Pen(ReportPalette.Border, 0.8), frame, new XSize(6, 6));
        var title = new XRect(frame.X + Padding, frame.Y + Padding, frame.Width - 2 * Padding, TitleHeight);
        PdfCanvas.Text(graphics, continued ? $"{widget.Widget.Title} (continued)" : widget.Widget.Title, PdfCanvas.Heading, ReportPalette.Text, title, XStringFormats.TopLeft);
        if (widget.Outcome.Status != WidgetOutcomeStatus.Failed) canvas.Link(title, content.Links.DrillDown(widget.Widget));
        return new XRect(title.X, title.Bottom + 2, title.Width, frame.Bottom - Padding - title.Bottom - 2);
    }

    /// <summary>Why a widget shows no chart: its error (in red) with the detail, or that the range has no data.</summary>
    private static void Note(XGraphics graphics, WidgetOutcome outcome, XRect body)
    {
        var failed = outcome.Status == WidgetOutcomeStatus.Failed;
        var colour = failed ? ReportPalette.Danger : ReportPalette.Muted;
        if (failed) graphics.DrawRectangle(PdfCanvas.Brush(XColor.FromArgb(20, ReportPalette.Danger)), body);
        var font = failed ? PdfCanvas.BodyBold : PdfCanvas.Body;
        var lines = Wrap(graphics, failed ? $"Failed — {outcome.Reason}" : outcome.Reason ?? WidgetFigures.NoDataReason, font, body.Width - 8);
        for (var i = 0; i < lines.Count && (i + 1) * 10 <= body.Height; i++)
            graphics.DrawString(lines[i], font, PdfCanvas.Brush(colour), new XRect(body.X + 4, body.Y + 4 + i * 10, body.Width - 8, 10), XStringFormats.TopLeft);
    }

    private static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && graphics.MeasureString(next, font).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = next;
        }

        if (line.Length > 0) lines.Add(line);
        return lines.Select(l => PdfCanvas.Fit(graphics, l, font, width)).ToList();
    }

    /// <summary>A table across the page; rows that do not fit go on the next page under the title and the header again.</summary>
    private static void DrawTable(PdfCanvas canvas, ReportContent content, ReportWidget widget)
    {
        var table = WidgetTable.Of(widget.Result!);
        var shown = table.InformativeColumns();
        var headers = shown.Select(i => PdfCharts.Humanize(table.Columns[i].Key)).ToList();
        var texts = table.Rows.Select(row => shown.Select(i => CellText(row.Cells[i], table.Columns[i], widget.Result!, content.Zone)).ToList()).ToList();
        var widths = ColumnWidths(canvas.Graphics, headers, texts, canvas.Width - 2 * Padding);
        var overhead = TitleHeight + Padding * 2 + RowHeight + 2;
        var next = 0;
        var continued = false;
        while (next < texts.Count)
        {
            canvas.Reserve(overhead + RowHeight * Math.Min(3, texts.Count - next));
            var rows = Math.Max(1, Math.Min(texts.Count - next, (int)((canvas.SpaceLeft - overhead) / RowHeight)));
            var frame = new XRect(PdfCanvas.Left, canvas.Y, canvas.Width, overhead + rows * RowHeight);
            var body = Frame(canvas, content, widget, frame, continued);
            var graphics = canvas.Graphics;
            graphics.DrawRectangle(PdfCanvas.Brush(ReportPalette.Shade), body.X, body.Y, body.Width, RowHeight);
            DrawCells(graphics, headers, widths, shown.Select(i => table.Columns[i]).ToList(), body.X, body.Y, PdfCanvas.BodyBold, ReportPalette.Muted);
            for (var r = 0; r < rows; r++)
            {
                var y = body.Y + RowHeight * (r + 1);
                var row = table.Rows[next + r];
                graphics.DrawLine(PdfCanvas.Pen(ReportPalette.Border, 0.4), body.X, y, body.Right, y);
                DrawCells(graphics, texts[next + r], widths, shown.Select(i => table.Columns[i]).ToList(), body.X, y, PdfCanvas.Body, ReportPalette.Text);
                // The first cell links to the runs the row counted, as the row does on screen.
                canvas.Link(new XRect(body.X, y, widths[0], RowHeight),
                    row.Fields.Count > 0 ? content.Links.DrillDown(widget.Widget, row: row.Fields) : content.Links.DrillDown(widget.Widget, row.Group));
            }

            next += rows;
            continued = true;
            canvas.Y += frame.Height + PdfCanvas.Gap;
        }
    }

    /// <summary>A digest's "what changed": each section under its heading, one line per entry, "None" when it is empty.</summary>
    private static void DrawChanges(PdfCanvas canvas, ReportChangeSummary changes)
    {
        canvas.Reserve(TitleHeight + RowHeight * 3);
        PdfCanvas.Text(canvas.Graphics, "What changed against the previous period", PdfCanvas.Title, ReportPalette.Text,
            new XRect(PdfCanvas.Left, canvas.Y, canvas.Width, 17), XStringFormats.TopLeft);
        canvas.Y += 17 + PdfCanvas.Gap;
        foreach (var (heading, rows) in changes.Sections())
        {
            canvas.Reserve(TitleHeight + RowHeight * Math.Clamp(rows.Count, 1, 3));
            PdfCanvas.Text(canvas.Graphics, heading, PdfCanvas.Heading, ReportPalette.Text, new XRect(PdfCanvas.Left, canvas.Y, canvas.Width, TitleHeight),
                XStringFormats.TopLeft);
            canvas.Y += TitleHeight;
            foreach (var (name, value) in rows.Count == 0 ? [("None", "")] : rows)
            {
                canvas.Reserve(RowHeight);
                var graphics = canvas.Graphics;
                PdfCanvas.Text(graphics, name, PdfCanvas.Body, ReportPalette.Text, new XRect(PdfCanvas.Left, canvas.Y, canvas.Width * 0.6 - 6, RowHeight),
                    XStringFormats.CenterLeft);
                PdfCanvas.Text(graphics, value, PdfCanvas.BodyBold, ReportPalette.Text, new XRect(PdfCanvas.Left + canvas.Width * 0.6, canvas.Y,
                    canvas.Width * 0.4, RowHeight), XStringFormats.CenterLeft);
                graphics.DrawLine(PdfCanvas.Pen(ReportPalette.Border, 0.4), PdfCanvas.Left, canvas.Y + RowHeight, PdfCanvas.Left + canvas.Width, canvas.Y + RowHeight);
                canvas.Y += RowHeight;
            }

            canvas.Y += PdfCanvas.Gap;
        }
    }

    private static void DrawCells(XGraphics graphics, List<string> texts, List<double> widths, List<WidgetColumn> columns, double x, double y, XFont font, XColor colour)
    {
        for (var c = 0; c < texts.Count; c++)
        {
            var cell = new XRect(x + 3, y, widths[c] - 6, RowHeight);
            PdfCanvas.Text(graphics, texts[c], font, colour, cell, columns[c].Kind == WidgetColumnKind.Value ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
            x += widths[c];
        }
    }

    /// <summary>Each column as wide as its widest text (capped), then all stretched to the table's width.</summary>
    private static List<double> ColumnWidths(XGraphics graphics, IReadOnlyList<string> headers, IReadOnlyList<List<string>> rows, double width)
    {
        var natural = headers.Select((header, c) => Math.Min(width * 0.45,
            rows.Select(r => graphics.MeasureString(r[c], PdfCanvas.Body).Width).Append(graphics.MeasureString(header, PdfCanvas.BodyBold).Width).Max() + 8)).ToList();
        var total = natural.Sum();
        return natural.Select(w => w / total * width).ToList();
    }

    private static string CellText(WidgetCell cell, WidgetColumn column, MetricResult result, TimeZoneInfo zone)
    {
        if (cell.IsEmpty) return "—";
        if (column.Kind == WidgetColumnKind.Value) return cell.Number is { } number ? MetricValueText.Of(column.Unit, number) : "—";
        if (column.Kind == WidgetColumnKind.Time && DateTimeOffset.TryParse(cell.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return TimeZoneInfo.ConvertTime(at, zone).ToString(column.Key == "bucket" && result.Bucket != "hour" ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return cell.Text ?? "—";
    }

    /// <summary>"2026-11-03 10:00 – 2026-11-10 10:00 (Europe/Berlin)".</summary>
    public static string RangeText(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, string zoneId) =>
        $"{Local(from, zone)} – {Local(to, zone)} ({zoneId})";

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What every page says: whose dashboard, which range and filters, where the live one is, and which page of how many.</summary>
    private static void DrawChrome(PdfPage page, ReportContent content, int number, int pages)
    {
        using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var width = page.Width.Point - 2 * PdfCanvas.Margin;
        var left = PdfCanvas.Margin;
        var top = PdfCanvas.Margin;
        var tenantWidth = Math.Min(width * 0.35, graphics.MeasureString(content.TenantName, PdfCanvas.Heading).Width + 2);
        var title = new XRect(left, top, width - tenantWidth - 12, 17);
        PdfCanvas.Text(graphics, content.DashboardName, PdfCanvas.Title, ReportPalette.Text, title, XStringFormats.TopLeft);
        PdfCanvas.Link(page, graphics, title, content.Links.Dashboard());
        var tenant = new XRect(left + width - tenantWidth, top + 2, tenantWidth, 12);
        PdfCanvas.Text(graphics, content.TenantName, PdfCanvas.Heading, ReportPalette.Text, tenant, XStringFormats.TopRight);

        var filters = string.Join(" · ", new[] { Dimension.Repository, Dimension.Pipeline, Dimension.Branch, Dimension.Job, Dimension.Provider }
            .Select(d => (Name: EnumCode.Of(d), Value: content.Filters.Normalised().Of(d))).Where(f => f.Value is not null).Select(f => $"{f.Name}: {f.Value}"));
        var line = RangeText(content.From, content.To, content.Zone, content.ZoneId) + (filters.Length > 0 ? $" · {filters}" : "");
        PdfCanvas.Text(graphics, line, PdfCanvas.Body, ReportPalette.Muted, new XRect(left, top + 20, width, 10), XStringFormats.TopLeft);
        graphics.DrawLine(PdfCanvas.Pen(ReportPalette.Border, 0.8), left, top + PdfCanvas.HeaderHeight - 10, left + width, top + PdfCanvas.HeaderHeight - 10);

        var bottom = page.Height.Point - PdfCanvas.Margin;
        graphics.DrawLine(PdfCanvas.Pen(ReportPalette.Border, 0.8), left, bottom - PdfCanvas.FooterHeight + 6, left + width, bottom - PdfCanvas.FooterHeight + 6);
        var live = "Open the live dashboard";
        var liveWidth = graphics.MeasureString(live, PdfCanvas.Body).Width;
        var liveArea = new XRect(left, bottom - 12, liveWidth, 10);
        graphics.DrawString(live, PdfCanvas.Body, PdfCanvas.Brush(ReportPalette.Accent), liveArea, XStringFormats.TopLeft);
        PdfCanvas.Link(page, graphics, liveArea, content.Links.Dashboard());
        PdfCanvas.Text(graphics, $"Generated {Local(content.GeneratedAt, content.Zone)} by Faultline", PdfCanvas.Small, ReportPalette.Muted,
            new XRect(left + liveWidth + 12, bottom - 11, width / 2, 10), XStringFormats.TopLeft);
        PdfCanvas.Text(graphics, $"Page {number} of {pages}", PdfCanvas.Body, ReportPalette.Muted, new XRect(left + width - 100, bottom - 12, 100, 10), XStringFormats.TopRight);
    }
}
