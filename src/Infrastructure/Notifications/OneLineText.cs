namespace Faultline.Infrastructure.Notifications;

/// <summary>
/// Text for places that take one line of printable characters: e-mail headers (a line break would
/// start another header) and delivery outcomes (PostgreSQL refuses NUL in text).
/// </summary>
internal static class OneLineText
{
    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 32).Select(c => (char)c), '\u007f'];

    /// <summary>The text with every run of control characters (CR, LF, NUL, tab…) made one space, trimmed.</summary>
    public static string Of(string text) =>
        string.Join(' ', text.Split(ControlCharacters, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
