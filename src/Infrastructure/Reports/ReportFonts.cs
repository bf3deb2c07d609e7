using PdfSharp.Fonts;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// PDFsharp finds no fonts by itself off Windows: reports use DejaVu Sans from Debian's fonts-dejavu-core (scripts/deps.sh),
/// read from the system's font folder and embedded as subsets; DejaVu covers the "·", "–" and "…" reports print.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] FontFolders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts"];
    private static readonly Lock Installing = new();

    private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may not change after first use).</summary>
    public static void EnsureInstalled()
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is not ReportFonts) GlobalFontSettings.FontResolver = new ReportFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family is DejaVu Sans: a report names no other, and a missing face must not fail a report.
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        lock (_faces)
        {
            if (_faces.TryGetValue(faceName, out var known)) return known;
            var file = FontFolders.Select(folder => Path.Combine(folder, faceName + ".ttf")).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException(
                    $"The report font {faceName}.ttf is not installed; install Debian's fonts-dejavu-core (scripts/deps.sh does).");
            return _faces[faceName] = File.ReadAllBytes(file);
        }
    }
}
