using System.Text.RegularExpressions;

namespace Faultline.Domain.Ingestion;

/// <summary>Logs keep their ANSI colour codes in storage; display and analysis read them stripped.</summary>
public static partial class AnsiText
{
    public static string Strip(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AnsiEscape();
}
