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

    /// <summary>The light theme's other colours by their CSS variable: text, muted text, borders, accent, errors, table header shade.</summary>
    public static readonly IReadOnlyDictionary<string, string> VariableHex = new Dictionary<string, string>
    {
        ["--text"] = "#161a2b", ["--muted"] = "#5b6178", ["--border"] = "#dfe2ec", ["--accent"] = "#4f46e5", ["--bad"] = "#b91c1c",
        ["--surface-2"] = "#eef0f6",
    };

    public static readonly XColor Text = Hex(VariableHex["--text"]);
    public static readonly XColor Muted = Hex(VariableHex["--muted"]);
    public static readonly XColor Border = Hex(VariableHex["--border"]);
    public static readonly XColor Accent = Hex(VariableHex["--accent"]);
    public static readonly XColor Danger = Hex(VariableHex["--bad"]);
    public static readonly XColor Shade = Hex(VariableHex["--surface-2"]);

    public static XColor Series(int index) => Hex(SeriesHex[index % SeriesHex.Count]);

    /// <summary>A category's own colour; a code without one takes the series colour of its place.</summary>
    public static XColor Category(string? code, int index) => code is not null && CategoryHex.TryGetValue(code, out var hex) ? Hex(hex) : Series(index);

    public static XColor Hex(string hex) => XColor.FromArgb(Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
}
