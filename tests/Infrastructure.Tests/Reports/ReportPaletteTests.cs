using Faultline.Infrastructure.Reports;
using Faultline.TestSupport;

namespace Faultline.Infrastructure.Tests.Reports;

/// <summary>A printed chart takes the colours the screen shows: the report palette is the SPA stylesheet's light theme.</summary>
public sealed class ReportPaletteTests
{
    private static Dictionary<string, string> LightThemeVariables()
    {
        var css = File.ReadAllText(Path.Combine(TestStack.RepositoryRoot, "clientapp", "src", "styles.css"));
        var root = css[(css.IndexOf(":root {", StringComparison.Ordinal) + 7)..];
        root = root[..root.IndexOf('}', StringComparison.Ordinal)];
        // Comments hold ';' and ':' too.
        for (var start = root.IndexOf("/*", StringComparison.Ordinal); start >= 0; start = root.IndexOf("/*", StringComparison.Ordinal))
            root = root.Remove(start, root.IndexOf("*/", start, StringComparison.Ordinal) + 2 - start);
        return root.Split(';').Select(d => d.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
    }

    [Fact]
    public void Series_category_and_other_colours_are_the_stylesheets_light_theme()
    {
        var variables = LightThemeVariables();
        for (var i = 0; i < ReportPalette.SeriesHex.Count; i++) Assert.Equal(variables[$"--chart-{i + 1}"], ReportPalette.SeriesHex[i]);
        Assert.Equal(10, ReportPalette.CategoryHex.Count);
        foreach (var (code, hex) in ReportPalette.CategoryHex) Assert.Equal(variables[$"--cat-{code}"], hex);
        foreach (var (name, hex) in ReportPalette.VariableHex) Assert.Equal(variables[name], hex);
    }
}
