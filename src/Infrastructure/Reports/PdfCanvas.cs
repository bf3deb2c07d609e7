using Faultline.Domain.Reports;
using Faultline.Application.Reports;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// The pages of one report being drawn, top to bottom: the current page's graphics, the space left on it, and the fonts,
/// pens and text helpers every part of a report draws with. Lengths are PDF points (1/72 inch).
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    public const double Margin = 32;
    public const double HeaderHeight = 46;
    public const double FooterHeight = 22;
    public const double Gap = 8;

    // First in the file: static fields start in order, and the fonts below need the resolver in place.
    private static readonly XPdfFontOptions Unicode = InstallFonts();

    public static readonly XFont Title = new(ReportFonts.Family, 13, XFontStyleEx.Bold, Unicode);
    public static readonly XFont Heading = new(ReportFonts.Family, 9, XFontStyleEx.Bold, Unicode);
    public static readonly XFont Body = new(ReportFonts.Family, 7.5, XFontStyleEx.Regular, Unicode);
    public static readonly XFont BodyBold = new(ReportFonts.Family, 7.5, XFontStyleEx.Bold, Unicode);
    public static readonly XFont Small = new(ReportFonts.Family, 6.5, XFontStyleEx.Regular, Unicode);
    public static readonly XFont Big = new(ReportFonts.Family, 20, XFontStyleEx.Bold, Unicode);

    private readonly PdfDocument _document;
    private readonly XSize _pageSize;
    private XGraphics? _graphics;

    public PdfCanvas(PdfDocument document, PaperSize paper, PageOrientation orientation)
    {
        _document = document;
        // A4 is 210 × 297 mm, Letter 8.5 × 11 in.
        var (width, height) = paper == PaperSize.A4 ? (595.28, 841.89) : (612.0, 792.0);
        _pageSize = orientation == PageOrientation.Landscape ? new XSize(height, width) : new XSize(width, height);
    }

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

    public PdfPage Page { get; private set; } = null!;

    /// <summary>Where the next block goes, from the top of the page.</summary>
    public double Y { get; set; }

    public static double Left => Margin;

    public double Width => _pageSize.Width - 2 * Margin;

    public static double ContentTop => Margin + HeaderHeight;

    public double ContentBottom => _pageSize.Height - Margin - FooterHeight;

    public double SpaceLeft => ContentBottom - Y;

    public XSize PageSize => _pageSize;

    public void NewPage()
    {
        _graphics?.Dispose();
        Page = _document.AddPage();
        Page.Width = XUnit.FromPoint(_pageSize.Width);
        Page.Height = XUnit.FromPoint(_pageSize.Height);
        _graphics = XGraphics.FromPdfPage(Page);
        Y = ContentTop;
    }

    /// <summary>A new page unless <paramref name="height"/> fits on this one (or this page is still empty).</summary>
    public void Reserve(double height)
    {
        if (_graphics is null || (height > SpaceLeft && Y > ContentTop)) NewPage();
    }

    private static XPdfFontOptions InstallFonts()
    {
        ReportFonts.EnsureInstalled();
        return new XPdfFontOptions(PdfFontEncoding.Unicode);
    }

    public void Link(XRect area, string url) => Link(Page, Graphics, area, url);

    public static void Link(PdfPage page, XGraphics graphics, XRect area, string url) =>
        page.AddWebLink(new PdfRectangle(graphics.Transformer.WorldToDefaultPage(area)), url);

    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    public static XPen Pen(XColor colour, double width = 0.6) => new(colour, width);

    public static XBrush Brush(XColor colour) => new XSolidBrush(colour);

    /// <summary>The text, cut with "…" to fit <paramref name="width"/>.</summary>
    public static string Fit(XGraphics graphics, string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width) return text;
        var (low, high) = (0, text.Length);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (graphics.MeasureString(string.Concat(text.AsSpan(0, middle), "…"), font).Width <= width) low = middle;
            else high = middle - 1;
        }

        return low == 0 ? "…" : string.Concat(text.AsSpan(0, low), "…");
    }

    public static void Text(XGraphics graphics, string text, XFont font, XColor colour, XRect area, XStringFormat format) =>
        graphics.DrawString(Fit(graphics, text, font, Math.Max(1, area.Width)), font, Brush(colour), area, format);
}
