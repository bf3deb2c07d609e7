using PdfSharp.Drawing;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// The light theme's colours of the SPA (clientapp/src/styles.css: --chart-N for series, --cat-CODE for failure categories),
/// so a printed chart matches the screen; a test compares them with the stylesheet.
/// </summary>
internal static class ReportPalette
{
    public static readonly IReadOnlyList<string> SeriesHex = ["#4f46e5", "#0284c7", "#d97706", "#059669", "#dc2626", "#7c3aed", "#db2777", "#64748b"];

    public static readonly IReadOnlyDictionary<string, string> CategoryHex = new Dictionary<string, string>
    {
        ["compilation"] = "#dc2626", ["test"] = "#d97706", ["lint"] = "#7c3aed", ["dependency"] = "#0284c7",
        ["configuration"] = "#0d9488", ["infrastructure"] = "#4f46e5", ["timeout"] = "#db2777", ["other"] = "#64748b",
        ["unclassified"] = "#a8a29e", ["uncertain"] = "#d4d4d8",
    };

    // The light theme's text, muted text, borders and accent (--text, --muted, --border, --accent).
    public static readonly XColor Text = Hex("#161a2b");
    public static readonly XColor Muted = Hex("#5b6178");
    public static readonly XColor Border = Hex("#dfe2ec");
    public static readonly XColor Accent = Hex("#4f46e5");
    public static readonly XColor Danger = Hex("#dc2626");
    public static readonly XColor Shade = Hex("#f4f5f9");

    public static XColor Series(int index) => Hex(SeriesHex[index % SeriesHex.Count]);

    /// <summary>A category's own colour; a code without one takes the series colour of its place.</summary>
    public static XColor Category(string? code, int index) => code is not null && CategoryHex.TryGetValue(code, out var hex) ? Hex(hex) : Series(index);

    public static XColor Hex(string hex) => XColor.FromArgb(Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
}
