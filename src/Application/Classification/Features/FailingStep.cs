namespace Faultline.Application.Classification.Features;

/// <summary>
/// The output of the command that failed the job: from the line that started it (Travis' and
/// GitLab's <c>$ command</c> echo, a GitHub Actions <c>##[group]Run …</c>, a Jenkins <c>+ command</c>
/// trace or <c>[Pipeline] sh</c>) to the line that reported its exit status. Most causes are printed
/// inside it, so the line ranker measures positions against it.
/// </summary>
/// <param name="Start">Number of the line that started the command (the first scanned line when none did).</param>
/// <param name="End">Number of the line that reported the failure.</param>
/// <param name="Command">The command as echoed, when the framing names it.</param>
/// <param name="ExitCode">The reported exit status, when the framing names it.</param>
public sealed record FailingStep(int Start, int End, string Command, int? ExitCode)
{
    // No regexes: prefix and substring tests keep the scan linear and cheap on any line.
    private const string TravisExit = "The command \"";
    private const string TravisExitTail = "\" exited with ";
    private const string TravisFailedTail = "\" failed and exited with ";
    private const string GitHubExit = "##[error]Process completed with exit code ";
    private const string GitLabExit = "ERROR: Job failed: ";
    private const string JenkinsExit = "ERROR: script returned exit code ";
    private const string GitHubStart = "##[group]Run ";
    private const string JenkinsStep = "[Pipeline] sh";

    /// <summary>How far back from the exit line a start is looked for; beyond it the step starts there.</summary>
    public const int MaxLines = 5000;

    public bool Contains(int lineNumber) => lineNumber >= Start && lineNumber <= End;

    /// <summary>
    /// The first failing command among <paramref name="count"/> lines (visible text read through <paramref name="visible"/>,
    /// numbered from <paramref name="firstLineNumber"/>), looking only at lines <paramref name="mayFrame"/> lets through
    /// (see <see cref="MayFrame"/>); null when no framing reports one.
    /// </summary>
    public static FailingStep? Find(Func<int, string> visible, Func<int, bool> mayFrame, int count, int firstLineNumber)
    {
        var lines = new VisibleLines(visible, count);
        for (var i = 0; i < count; i++)
        {
            if (!mayFrame(i)) continue;
            var text = WithoutTimestamp(lines[i]);
            if (ExitOf(lines, i, text) is not { } exit || exit.Code == 0) continue;
            var start = StartBefore(lines, mayFrame, i, exit.Framing);
            var command = start < 0 ? exit.Command : CommandOf(WithoutTimestamp(lines[start]), exit.Framing) ?? exit.Command;
            return new FailingStep(firstLineNumber + Math.Max(start, Math.Max(0, i - MaxLines)), firstLineNumber + i, command, exit.Code);
        }

        return null;
    }

    /// <summary>Whether a raw line may start or end a command: it holds one of the framings' markers.</summary>
    public static bool MayFrame(ReadOnlySpan<char> raw) => raw.ContainsAny(Markers);

    private static readonly System.Buffers.SearchValues<string> Markers = System.Buffers.SearchValues.Create(
        ["$ ", "+ ", TravisExit, GitHubExit, GitLabExit, JenkinsExit, GitHubStart, JenkinsStep], StringComparison.Ordinal);

    private sealed class VisibleLines(Func<int, string> visible, int count) : IReadOnlyList<string>
    {
        public string this[int index] => visible(index);

        public int Count => count;

        public IEnumerator<string> GetEnumerator() => Enumerable.Range(0, count).Select(visible).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Whether the line only frames a command (its echo or its exit report) rather than being its output.</summary>
    public static bool IsFraming(string text)
    {
        var line = WithoutTimestamp(text);
        return line.StartsWith("$ ", StringComparison.Ordinal) || line.StartsWith(GitHubStart, StringComparison.Ordinal)
            || line.StartsWith(TravisExit, StringComparison.Ordinal) || line.StartsWith(GitHubExit, StringComparison.Ordinal)
            || line.StartsWith(GitLabExit, StringComparison.Ordinal) || line.StartsWith(JenkinsExit, StringComparison.Ordinal)
            || line.StartsWith("[Pipeline] ", StringComparison.Ordinal) || line.StartsWith("Done. Your build exited with", StringComparison.Ordinal);
    }

    private enum Framing
    {
        Travis,
        GitHub,
        GitLab,
        Jenkins,
    }

    private readonly record struct Exit(Framing Framing, int? Code, string Command);

    private static Exit? ExitOf(IReadOnlyList<string> lines, int index, ReadOnlySpan<char> text)
    {
        if (text.StartsWith(GitHubExit, StringComparison.Ordinal)) return new Exit(Framing.GitHub, LeadingNumber(text[GitHubExit.Length..]), "");
        if (text.StartsWith(JenkinsExit, StringComparison.Ordinal)) return new Exit(Framing.Jenkins, LeadingNumber(text[JenkinsExit.Length..]), "");
        if (text.StartsWith(GitLabExit, StringComparison.Ordinal))
        {
            var code = text.IndexOf("exit code ", StringComparison.Ordinal);
            return new Exit(Framing.GitLab, code < 0 ? null : LeadingNumber(text[(code + "exit code ".Length)..]), "");
        }

        if (!text.StartsWith(TravisExit, StringComparison.Ordinal)) return null;

        // A multi-line command is echoed over several lines: the exit phrase ends a later one.
        for (var i = index; i < Math.Min(lines.Count, index + 5); i++)
        {
            var line = i == index ? text : lines[i].AsSpan();
            var tail = line.IndexOf(TravisExitTail, StringComparison.Ordinal);
            var length = TravisExitTail.Length;
            if (tail < 0)
            {
                tail = line.IndexOf(TravisFailedTail, StringComparison.Ordinal);
                length = TravisFailedTail.Length;
            }

            if (tail < 0) continue;
            var command = i == index ? text[TravisExit.Length..tail].ToString() : text[TravisExit.Length..].ToString();
            return new Exit(Framing.Travis, LeadingNumber(line[(tail + length)..]), command);
        }

        return null;
    }

    private static int StartBefore(IReadOnlyList<string> lines, Func<int, bool> mayFrame, int exit, Framing framing)
    {
        for (var i = exit - 1; i >= Math.Max(0, exit - MaxLines); i--)
        {
            if (mayFrame(i) && CommandOf(WithoutTimestamp(lines[i]), framing) is not null) return i;
        }

        return -1;
    }

    private static string? CommandOf(ReadOnlySpan<char> line, Framing framing) => framing switch
    {
        Framing.GitHub when line.StartsWith(GitHubStart, StringComparison.Ordinal) => line[GitHubStart.Length..].Trim().ToString(),
        Framing.Jenkins when line.StartsWith("+ ", StringComparison.Ordinal) => line[2..].Trim().ToString(),
        Framing.Jenkins when line.StartsWith(JenkinsStep, StringComparison.Ordinal) => "",
        Framing.Travis or Framing.GitLab when line.StartsWith("$ ", StringComparison.Ordinal) => line[2..].Trim().ToString(),
        _ => null,
    };

    private static int? LeadingNumber(ReadOnlySpan<char> text)
    {
        var digits = text.IndexOfAnyExceptInRange('0', '9');
        var number = digits < 0 ? text : text[..digits];
        return number.Length is > 0 and < 10 ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The line without a leading timestamp: GitHub Actions' <c>2024-05-01T10:00:00.1234567Z </c> and
    /// Jenkins' timestamper <c>[2024-05-01T10:00:00.123Z] </c> or <c>[10:00:00] </c>.
    /// </summary>
    public static ReadOnlySpan<char> WithoutTimestamp(string line)
    {
        var text = line.AsSpan();
        var bracket = text.StartsWith('[');
        var body = bracket ? text[1..] : text;
        var length = TimestampLength(body);
        if (length == 0) return text;
        body = body[length..];
        if (bracket)
        {
            if (!body.StartsWith(']')) return text;
            body = body[1..];
        }

        return body.StartsWith(' ') ? body[1..] : body;
    }

    // "2024-05-01T10:00:00[.fraction]Z" or "10:00:00[.fraction]": digits and separators in a fixed shape.
    private static int TimestampLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (text.Length >= 11 && Digits(text, 0, 4) && text[4] == '-' && Digits(text, 5, 2) && text[7] == '-' && Digits(text, 8, 2) && text[10] is 'T' or ' ')
        {
            i = 11;
        }

        if (text.Length < i + 8 || !Digits(text, i, 2) || text[i + 2] != ':' || !Digits(text, i + 3, 2) || text[i + 5] != ':' || !Digits(text, i + 6, 2))
        {
            return 0;
        }

        i += 8;
        if (i < text.Length && text[i] is '.' or ',')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }

        if (i < text.Length && text[i] == 'Z') i++;
        return i;
    }

    private static bool Digits(ReadOnlySpan<char> text, int from, int count) =>
        text.Slice(from, count).IndexOfAnyExceptInRange('0', '9') < 0;
}
