using System.Buffers;
using System.Text;

namespace Faultline.Application.Classification.Features;

/// <summary>One line of a log as the featurizer sees it.</summary>
/// <param name="Number">1-based line number in the original log.</param>
/// <param name="Text">The line as a person reads it: ANSI codes and carriage-return overwrites removed.</param>
/// <param name="Normalised">Lower-case tokens with timestamps, numbers, hex ids, paths and URLs replaced.</param>
/// <param name="ErrorLike">Contains an error word (error, failed, exception, ...).</param>
/// <param name="Novel">Absent from the job's earlier successful log (true when there is none).</param>
public sealed record LogLine(int Number, string Text, string Normalised, bool ErrorLike, bool Novel);

/// <summary>Splits a log into lines and normalises each one; the only place log text becomes tokens.</summary>
public static class LogLines
{
    /// <summary>Only the end of a huge log is read: causes sit in the last megabytes, and the cost stays bounded.</summary>
    public const int MaxScannedChars = 4 * 1024 * 1024;

    private static readonly HashSet<string> ErrorWords = new(StringComparer.Ordinal)
    {
        "error", "errors", "err", "fail", "fails", "failed", "failing", "failure", "failures", "fatal", "exception",
        "panic", "panicked", "traceback", "cannot", "unable", "denied", "refused", "timeout", "timed", "killed",
        "abort", "aborted", "aborting", "segmentation", "undefined", "unresolved", "missing", "invalid", "unexpected",
        "exited", "offense", "offenses", "violation", "violations", "exceeded", "terminated", "broken", "rejected",
    };

    // Any error-like line contains one of these in its raw text (IsErrorLike's words, before normalising):
    // a vectorised test that spares normalising the lines that cannot be.
    private static readonly SearchValues<string> ErrorStems = SearchValues.Create(
        ["err", "fail", "fatal", "exception", "panic", "traceback", "cannot", "unable", "denied", "refused", "timeout", "timed", "killed",
         "abort", "segmentation", "undefined", "unresolved", "missing", "invalid", "unexpected", "exited", "offense", "violation", "exceeded",
         "terminated", "broken", "rejected", "not found", "exit code", "could not", "can't", "can t"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the raw line may be error-like; false means it is not.</summary>
    public static bool MayBeErrorLike(ReadOnlySpan<char> raw) => raw.ContainsAny(ErrorStems);

    /// <summary>Where each line of the tail is (without its newline), counting the characters read.</summary>
    public static List<Range> Split(string text)
    {
        var ranges = new List<Range>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            ScanCounter.Add(end - start + 1);
            ranges.Add(start..end);
            start = end + 1;
        }

        return ranges;
    }

    /// <summary>The scanned lines of a log: every line of its tail, numbered as in the whole log.</summary>
    public static List<(int Number, string Text, string Normalised)> Read(LogTail tail)
    {
        var lines = new List<(int, string, string)>();
        var number = tail.FirstLineNumber;
        var builder = new StringBuilder(256);
        var span = tail.Text.AsSpan();
        while (!span.IsEmpty)
        {
            var end = span.IndexOf('\n');
            var raw = end < 0 ? span : span[..end];
            ScanCounter.Add(raw.Length + 1);
            var text = Visible(raw);
            lines.Add((number, text, Normalise(text, builder)));
            number++;
            if (end < 0)
            {
                break;
            }

            span = span[(end + 1)..];
        }

        return lines;
    }

    public static bool IsErrorLike(string normalised)
    {
        var errorWords = ErrorWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in normalised.AsSpan().Split(' '))
        {
            var word = normalised.AsSpan(token);
            if (word.Length >= 3 && errorWords.Contains(word))
            {
                return true;
            }
        }

        return normalised.Contains("not found", StringComparison.Ordinal) || normalised.Contains("exit code", StringComparison.Ordinal)
            || normalised.Contains("could not", StringComparison.Ordinal) || normalised.Contains("can t", StringComparison.Ordinal);
    }

    /// <summary>What a terminal would show: no ANSI escape sequences, only the text after the last carriage return.</summary>
    public static string Visible(ReadOnlySpan<char> raw)
    {
        // Progress bars redraw with '\r'; a trailing '\r' (CRLF logs) overwrites nothing.
        var trimmed = raw.TrimEnd('\r');
        var lastReturn = trimmed.LastIndexOf('\r');
        if (lastReturn >= 0 && lastReturn < trimmed.Length - 1)
        {
            trimmed = trimmed[(lastReturn + 1)..];
        }

        if (trimmed.IndexOf('\u001b') < 0 && trimmed.IndexOfAnyInRange('\0', '\u0008') < 0)
        {
            return trimmed.ToString();
        }

        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '\u001b')
            {
                i = SkipEscape(trimmed, i);
            }
            else if (c >= ' ' || c == '\t')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // CSI sequences end with a byte in @..~; other escapes are two characters long.
    private static int SkipEscape(ReadOnlySpan<char> text, int escape)
    {
        if (escape + 1 < text.Length && text[escape + 1] == '[')
        {
            var i = escape + 2;
            while (i < text.Length && (text[i] < '@' || text[i] > '~'))
            {
                i++;
            }

            return i;
        }

        return escape + 1;
    }

    /// <summary>
    /// Lower-case word tokens, separated by single spaces. URLs become "url", paths "path" plus the
    /// file's extension ("ext_ts"), long hex ids "hex"; numbers and timestamps vanish, so the same
    /// message from two runs normalises to the same text.
    /// </summary>
    public static string Normalise(string text, StringBuilder builder)
    {
        builder.Clear();
        foreach (var range in text.AsSpan().SplitAny(' ', '\t'))
        {
            var chunk = text.AsSpan(range);
            if (chunk.IsEmpty)
            {
                continue;
            }

            if (chunk.Contains("://", StringComparison.Ordinal))
            {
                Append(builder, "url");
            }
            else if (IsPath(chunk))
            {
                Append(builder, "path");
                AppendExtension(builder, chunk);
            }
            else if (chunk.IndexOfAnyExcept('^', '~') < 0)
            {
                Append(builder, "caret");
            }
            else
            {
                AppendWords(builder, chunk);
            }
        }

        return builder.ToString();
    }

    private static bool IsPath(ReadOnlySpan<char> chunk)
    {
        return chunk.Length > 2 && chunk.IndexOfAny('/', '\\') >= 0 && HasLetter(chunk);
    }

    private static bool HasLetter(ReadOnlySpan<char> chunk)
    {
        foreach (var c in chunk)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendExtension(StringBuilder builder, ReadOnlySpan<char> chunk)
    {
        var name = chunk[(chunk.LastIndexOfAny('/', '\\') + 1)..];
        name = name.TrimEnd(":,;)'\"]");
        var colon = name.IndexOf(':');
        if (colon > 0)
        {
            name = name[..colon]; // file.ts:12:5
        }

        var dot = name.LastIndexOf('.');
        if (dot <= 0 || name.Length - dot - 1 is < 1 or > 6)
        {
            return;
        }

        var extension = name[(dot + 1)..];
        foreach (var c in extension)
        {
            if (!char.IsAsciiLetter(c))
            {
                return;
            }
        }

        builder.Append(builder.Length == 0 ? "" : " ").Append("ext_");
        foreach (var c in extension)
        {
            builder.Append(char.ToLowerInvariant(c));
        }
    }

    private static void AppendWords(StringBuilder builder, ReadOnlySpan<char> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            while (i < chunk.Length && !char.IsLetterOrDigit(chunk[i]))
            {
                i++;
            }

            var start = i;
            while (i < chunk.Length && char.IsLetterOrDigit(chunk[i]))
            {
                i++;
            }

            if (i > start)
            {
                AppendWord(builder, chunk[start..i]);
            }
        }
    }

    // Error codes keep their digits (CS1002, E0308, TS2345 name the error); elsewhere digits are
    // noise (timestamps, versions, ids), and what is left of a word must still be a word.
    private static void AppendWord(StringBuilder builder, ReadOnlySpan<char> word)
    {
        var digits = CountDigits(word);
        if (digits > 0 && word.Length >= 7 && IsHex(word))
        {
            Append(builder, "hex");
            return;
        }

        var keepDigits = digits > 0 && word.Length <= 8 && IsErrorCode(word);
        if (!keepDigits && word.Length - digits < 2)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        foreach (var c in word)
        {
            if (keepDigits || !char.IsAsciiDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
    }

    /// <summary>Letters then digits: CS1002, E0308, TS2345.</summary>
    private static bool IsErrorCode(ReadOnlySpan<char> word)
    {
        var firstDigit = word.IndexOfAnyInRange('0', '9');
        return firstDigit > 0 && word[..firstDigit].IndexOfAnyExceptInRange('A', 'z') < 0 && word[firstDigit..].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static int CountDigits(ReadOnlySpan<char> word)
    {
        var count = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsHex(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder builder, string token)
    {
        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(token);
    }
}
