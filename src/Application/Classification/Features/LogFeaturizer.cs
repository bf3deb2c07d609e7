namespace Faultline.Application.Classification.Features;

/// <summary>
/// The one featurizer: the training export and the server both turn logs into model inputs here,
/// so a model never sees features computed another way than it was trained on. Any change to what
/// it computes must change <see cref="Version"/>; models record the version they were built for and
/// serving refuses the others.
/// </summary>
public static class LogFeaturizer
{
    public const string Version = "fl-feat-3";

    public const int HashedDimension = 1 << 13;
    public const int DocumentStructural = 16;
    public const int DocumentDimension = HashedDimension + DocumentStructural + FailureSignals.Count;

    public const int LineHashedDimension = 1 << 11;
    public const int LineContextDimension = 1 << 9;
    public const int LineStructural = 53;
    public const int LineDimension = LineHashedDimension + LineContextDimension + LineStructural;

    /// <summary>Lines at the end of the log that are always candidates: most causes are there.</summary>
    public const int TailLines = 300;

    /// <summary>Error-like lines before the tail and the failing step that are candidates too (nearest the end first).</summary>
    public const int EarlierErrorLines = 1000;

    /// <summary>How many candidate lines the line model scores per log; chosen in <see cref="Prepare(LogTail, LogTail?)"/>.</summary>
    public const int ScoredLines = 200;

    private const int RecentLines = 50;
    private const int FocusTail = 30;

    // Install and compile chatter outweighs the cause by line count; away from the focus it counts a fifth.
    private const float UnfocusedWeight = 0.2f;
    private const float CommandWeight = 2f;
    private const uint UnigramSeed = 0x9E3779B1, BigramSeed = 0x85EBCA77, CharSeed = 0xC2B2AE3D, CommandSeed = 0x27D4EB2F, ContextSeed = 0x165667B1;

    /// <summary>
    /// Reads a failed log (and, when known, the same job's last successful log) into its candidate
    /// lines: the tail, the failing step and earlier error-like lines, in log order.
    /// </summary>
    public static PreparedLog Prepare(string log, string? successfulLog = null) =>
        Prepare(LogTail.Of(log), successfulLog is null ? null : LogTail.Of(successfulLog));

    /// <inheritdoc cref="Prepare(string, string?)"/>
    public static PreparedLog Prepare(LogTail log, LogTail? successfulLog = null)
    {
        // Only the lines kept as candidates are made visible and normalised; the others are only split and
        // tested for error words (vectorised), which keeps the cost per log close to reading it.
        var text = log.Text;
        var lines = LogLines.Split(text);
        var visible = new string?[lines.Count];
        string Visible(int i) => visible[i] ??= LogLines.Visible(text.AsSpan(lines[i]));
        var step = FailingStep.Find(Visible, i => FailingStep.MayFrame(text.AsSpan(lines[i])), lines.Count, log.FirstLineNumber);
        var seenInSuccess = successfulLog is null ? null : LogLines.Read(successfulLog).Select(l => l.Normalised).ToHashSet(StringComparer.Ordinal);

        var tailStart = Math.Max(0, lines.Count - TailLines);
        var candidates = new List<LogLine>();
        var laterCopies = new List<int>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new System.Text.StringBuilder(256);
        var earlier = 0;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var number = log.FirstLineNumber + i;
            var always = i >= tailStart || step?.Contains(number) == true;
            if (!always && (earlier >= EarlierErrorLines || !LogLines.MayBeErrorLike(text.AsSpan(lines[i])))) continue;
            var normalised = LogLines.Normalise(Visible(i), builder);
            if (normalised.Length == 0) continue;
            var errorLike = LogLines.IsErrorLike(normalised);
            if (!always && !errorLike) continue;
            earlier += always ? 0 : 1;
            var later = occurrences.GetValueOrDefault(normalised);
            laterCopies.Add(later);
            occurrences[normalised] = later + 1;
            candidates.Add(new LogLine(number, visible[i]!, normalised, errorLike, seenInSuccess?.Contains(normalised) != true));
        }

        candidates.Reverse();
        laterCopies.Reverse();
        var totalLines = lines.Count == 0 ? 0 : log.FirstLineNumber + lines.Count - 1;
        var prepared = new PreparedLog(candidates, totalLines, successfulLog is not null, occurrences, step);
        prepared.LaterCopies = [.. laterCopies];
        prepared.Scored = ChooseScored(prepared);
        // Each line is matched against the knowledge base once, whether the line model or the document needs it.
        var matched = new bool[candidates.Count];
        foreach (var i in prepared.Scored) matched[i] = true;
        prepared.Signals = new byte[candidates.Count];
        prepared.Focus = new bool[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            prepared.Focus[i] = IsFocus(prepared, i);
            if (matched[i] || prepared.Focus[i]) prepared.Signals[i] = FailureSignals.Match(candidates[i].Text);
        }

        return prepared;
    }

    /// <summary>The document vector: weighted hashed word and character n-grams, the failing command, then structural features.</summary>
    public static void Document(PreparedLog log, Span<float> features)
    {
        if (features.Length != DocumentDimension)
        {
            throw new ArgumentException($"Expected {DocumentDimension} features.", nameof(features));
        }

        features.Clear();
        var hashed = features[..HashedDimension];
        var signals = features[(HashedDimension + DocumentStructural)..];
        var errorLines = 0;
        var errorLinesInStep = 0;
        var novelLines = 0;
        var lastErrorFromEnd = log.TotalLines;
        var firstErrorPosition = 1.0;
        var recentErrors = 0;
        for (var i = 0; i < log.Lines.Count; i++)
        {
            var line = log.Lines[i];
            var fromEnd = log.TotalLines - line.Number;
            var focus = log.Focus[i];
            var weight = LineWeight(line, fromEnd) * (focus ? 1 : UnfocusedWeight);
            AddWords(line.Normalised, weight, hashed, HashedDimension, UnigramSeed);
            if (focus) FailureSignals.Add(log.Signals[i], fromEnd, log.Step?.Contains(line.Number) == true, signals);
            if (line.ErrorLike)
            {
                AddCharacterGrams(line.Normalised, weight, hashed);
                errorLines++;
                errorLinesInStep += log.Step?.Contains(line.Number) == true ? 1 : 0;
                lastErrorFromEnd = Math.Min(lastErrorFromEnd, fromEnd);
                firstErrorPosition = Math.Min(firstErrorPosition, (double)line.Number / Math.Max(1, log.TotalLines));
                recentErrors += fromEnd < 20 ? 1 : 0;
            }

            novelLines += line.Novel ? 1 : 0;
        }

        if (log.Step is { } step)
        {
            AddWords(LogLines.Normalise(step.Command, new System.Text.StringBuilder()), CommandWeight, hashed, HashedDimension, CommandSeed);
        }

        SublinearUnitLength(hashed);
        FailureSignals.Finish(signals);
        var structural = features[HashedDimension..(HashedDimension + DocumentStructural)];
        var candidates = Math.Max(1, log.Lines.Count);
        structural[0] = Scaled(log.TotalLines);
        structural[1] = (float)errorLines / candidates;
        structural[2] = log.HasSuccessfulLog ? 1 : 0;
        structural[3] = (float)novelLines / candidates;
        structural[4] = errorLines == 0 ? 1 : Scaled(lastErrorFromEnd);
        structural[5] = (float)(1 - firstErrorPosition);
        structural[6] = Scaled(errorLines);
        structural[7] = recentErrors / 20f;
        if (log.Step is not { } failing) return;
        structural[8] = 1;
        structural[9 + ExitCodeBucket(failing.ExitCode)] = 1;
        structural[14] = Scaled(failing.End - failing.Start);
        structural[15] = (float)errorLinesInStep / Math.Max(1, errorLines);
    }

    // 1 (the usual failure), 2 (misuse, often lint/usage), 126/127 (not executable / not found),
    // 124/137/143 (timeout or killed), anything else.
    private static int ExitCodeBucket(int? code) => code switch
    {
        1 => 0,
        2 => 1,
        126 or 127 => 2,
        124 or 137 or 143 => 3,
        _ => 4,
    };

    /// <summary>
    /// The candidates worth scoring (indexes into <see cref="PreparedLog.Lines"/>, in log order),
    /// chosen once per log in <see cref="Prepare(LogTail, LogTail?)"/>. Training exports exactly these,
    /// so the line model is judged on what it will see.
    /// </summary>
    public static IReadOnlyList<int> ScoredLineIndexes(PreparedLog log) => log.Scored;

    // Error lines, their close neighbours (stack traces, compiler context), the failing step's end and
    // the last lines first, lines nearer the end winning ties.
    private static int[] ChooseScored(PreparedLog log)
    {
        var lines = log.Lines;
        var priority = new (int Score, int Index)[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var fromEnd = log.TotalLines - line.Number;
            var stepEnd = log.Step?.Contains(line.Number) == true ? log.Step.End - line.Number : -1;
            var score = (line.ErrorLike ? 8 : 0) + (NearErrorLine(lines, i) ? 4 : 0) + (fromEnd < RecentLines ? 4 : fromEnd < 4 * RecentLines ? 1 : 0)
                + (log.HasSuccessfulLog && line.Novel ? 2 : 0) + (stepEnd < 0 ? 0 : stepEnd < RecentLines ? 6 : 3);
            priority[i] = (score, i);
        }

        return [.. priority.OrderByDescending(p => p.Score).ThenByDescending(p => p.Index).Take(ScoredLines).Select(p => p.Index).Order()];
    }

    private static bool NearErrorLine(IReadOnlyList<LogLine> lines, int index)
    {
        for (var i = Math.Max(0, index - 2); i <= Math.Min(lines.Count - 1, index + 2); i++)
        {
            if (i != index && lines[i].ErrorLike && Math.Abs(lines[i].Number - lines[index].Number) <= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The vector of one candidate line for the line model: its words, where it sits and what it looks like.</summary>
    public static void Line(PreparedLog log, int candidate, Span<float> features)
    {
        if (features.Length != LineDimension)
        {
            throw new ArgumentException($"Expected {LineDimension} features.", nameof(features));
        }

        features.Clear();
        var line = log.Lines[candidate];
        var hashed = features[..LineHashedDimension];
        AddWords(line.Normalised, 1, hashed, LineHashedDimension, UnigramSeed);
        SublinearUnitLength(hashed);

        // The words just above and below: a header ("Failures:") or a summary announces the cause.
        var context = features[LineHashedDimension..(LineHashedDimension + LineContextDimension)];
        var fromEnd = log.TotalLines - line.Number;
        var previous = candidate > 0 ? log.Lines[candidate - 1] : null;
        var next = candidate + 1 < log.Lines.Count ? log.Lines[candidate + 1] : null;
        var afterPrevious = previous is not null && previous.Number == line.Number - 1;
        var beforeNext = next is not null && next.Number == line.Number + 1;
        if (afterPrevious) AddWords(previous!.Normalised, 1, context, LineContextDimension, ContextSeed);
        if (beforeNext) AddWords(next!.Normalised, 0.5f, context, LineContextDimension, ContextSeed);
        SublinearUnitLength(context);
        var structural = features[(LineHashedDimension + LineContextDimension)..];
        structural[0] = line.ErrorLike ? 1 : 0;
        structural[1] = Scaled(fromEnd);
        structural[2] = fromEnd < RecentLines ? 1 : 0;
        structural[3] = line.Novel ? 1 : 0;
        structural[4] = log.HasSuccessfulLog ? 1 : 0;
        structural[5] = afterPrevious && previous!.ErrorLike ? 1 : 0;
        structural[6] = beforeNext && next!.ErrorLike ? 1 : 0;
        structural[7] = Scaled(log.Occurrences.GetValueOrDefault(line.Normalised, 1) - 1);
        structural[8] = Math.Min(1, line.Text.Length / 200f);
        structural[9] = (float)line.Number / Math.Max(1, log.TotalLines);
        structural[10] = line.Number == log.FirstErrorLine ? 1 : 0;
        structural[11] = Scaled(DistanceToErrorLine(log, candidate));
        StepFeatures(log, candidate, structural[12..23]);
        var similarToPrevious = afterPrevious && SamePrefix(previous!, line);
        var similarToNext = beforeNext && SamePrefix(line, next!);
        structural[23] = similarToNext && !similarToPrevious ? 1 : 0;
        structural[24] = similarToPrevious ? 1 : 0;
        var trimmed = line.Text.AsSpan().TrimStart();
        structural[25] = trimmed.Length < line.Text.Length ? 1 : 0;
        structural[26] = IsStackFrame(trimmed) ? 1 : 0;
        structural[27] = line.ErrorLike && line.Normalised.Contains("path", StringComparison.Ordinal) ? 1 : 0;
        structural[28] = afterPrevious ? 0 : 1;
        structural[29] = line.Normalised.Contains("warn", StringComparison.Ordinal) ? 1 : 0;
        structural[30] = ErrorDensity(log, candidate);
        structural[31] = FailingStep.IsFraming(line.Text) ? 1 : 0;
        structural[32] = StartsWithErrorWord(trimmed) ? 1 : 0;
        structural[33] = trimmed.EndsWith(':') ? 1 : 0;
        structural[34] = trimmed.Length < 20 ? 1 : 0;
        var signals = log.Signals[candidate];
        for (var c = 0; c < 8; c++) structural[35 + c] = (signals >> c) & 1;
        structural[43] = signals == 0 ? 0 : 1;
        structural[44] = System.Numerics.BitOperations.PopCount(signals) / 3f;
        structural[45] = line.Text.Contains("##[error]", StringComparison.Ordinal) ? 1 : 0;
        structural[46] = line.Number == log.TotalLines ? 1 : 0;
        var (first, last) = BlockOf(log, candidate);
        structural[47] = first == line.Number ? 1 : 0;
        structural[48] = Scaled(last - first + 1);
        structural[49] = (float)(line.Number - first) / Math.Max(1, last - first);
        structural[50] = ErrorLinesBetween(log, candidate, first, last) / (float)(last - first + 1);

        // Tools print an error again in their summary (sbt, Maven, test runners): the first copy is the cause.
        var laterCopies = log.LaterCopies[candidate];
        structural[51] = log.Occurrences.GetValueOrDefault(line.Normalised, 1) - 1 - laterCopies > 0 ? 1 : 0;
        structural[52] = laterCopies > 0 ? 1 : 0;
    }

    private static int ErrorLinesBetween(PreparedLog log, int candidate, int first, int last)
    {
        var count = 0;
        for (var i = candidate; i >= 0 && log.Lines[i].Number >= first; i--) count += log.Lines[i].ErrorLike ? 1 : 0;
        for (var i = candidate + 1; i < log.Lines.Count && log.Lines[i].Number <= last; i++) count += log.Lines[i].ErrorLike ? 1 : 0;
        return count;
    }

    /// <summary>Where the line sits against the failing step (11 features; all zero when no framing reported one).</summary>
    private static void StepFeatures(PreparedLog log, int candidate, Span<float> features)
    {
        if (log.Step is not { } step) return;
        var number = log.Lines[candidate].Number;
        features[0] = 1;
        if (number > step.End)
        {
            features[9] = 1; // after the failure: after_failure hooks, cleanup, uploads
            return;
        }

        if (!step.Contains(number)) return;
        var toEnd = step.End - number;
        features[1] = 1;
        features[2] = Scaled(toEnd);
        features[3] = toEnd < 5 ? 1 : 0;
        features[4] = toEnd < 20 ? 1 : 0;
        features[5] = toEnd < 100 ? 1 : 0;
        features[6] = (float)(number - step.Start) / Math.Max(1, step.End - step.Start);
        var (first, last, below) = ErrorLinesOfStep(log, candidate, step);
        features[7] = log.Lines[candidate].ErrorLike && first ? 1 : 0;
        features[8] = log.Lines[candidate].ErrorLike && last ? 1 : 0;
        features[10] = Scaled(below);
    }

    // Whether the line is the step's first and last error-like line, and how many error lines follow it in the step.
    private static (bool First, bool Last, int Below) ErrorLinesOfStep(PreparedLog log, int candidate, FailingStep step)
    {
        var first = true;
        for (var i = candidate - 1; i >= 0 && log.Lines[i].Number >= step.Start; i--)
        {
            if (!log.Lines[i].ErrorLike) continue;
            first = false;
            break;
        }

        var below = 0;
        for (var i = candidate + 1; i < log.Lines.Count && log.Lines[i].Number <= step.End && below < 100; i++)
        {
            below += log.Lines[i].ErrorLike ? 1 : 0;
        }

        return (first, below == 0, below);
    }

    /// <summary>
    /// The extent (first and last line numbers) of the block a key line belongs to: the run of
    /// non-blank candidate lines around it, at most <paramref name="reach"/> lines either way. One
    /// key line is shown per block, and the viewer highlights the block.
    /// </summary>
    public static (int First, int Last) BlockOf(PreparedLog log, int candidate, int reach = 20)
    {
        var number = log.Lines[candidate].Number;
        var first = candidate;
        while (first > 0 && log.Lines[first - 1].Number == log.Lines[first].Number - 1 && number - log.Lines[first - 1].Number <= reach) first--;
        var last = candidate;
        while (last + 1 < log.Lines.Count && log.Lines[last + 1].Number == log.Lines[last].Number + 1 && log.Lines[last + 1].Number - number <= reach) last++;
        return (log.Lines[first].Number, log.Lines[last].Number);
    }

    private static bool SamePrefix(LogLine a, LogLine b)
    {
        var x = a.Normalised.AsSpan();
        var y = b.Normalised.AsSpan();
        var length = Math.Min(Math.Min(x.Length, y.Length), 12);
        return length >= 3 && x[..length].SequenceEqual(y[..length]);
    }

    private static bool IsStackFrame(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("File \"", StringComparison.Ordinal)
        || trimmed.StartsWith("from ", StringComparison.Ordinal) || trimmed.StartsWith("# ", StringComparison.Ordinal);

    private static bool StartsWithErrorWord(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("error", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("fail", StringComparison.OrdinalIgnoreCase)
        || trimmed.StartsWith("fatal", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("E ", StringComparison.Ordinal)
        || trimmed.StartsWith("[error]", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("✗", StringComparison.Ordinal);

    // Error-like candidates among the five lines either side.
    private static float ErrorDensity(PreparedLog log, int candidate)
    {
        var number = log.Lines[candidate].Number;
        var count = 0;
        for (var i = Math.Max(0, candidate - 5); i <= Math.Min(log.Lines.Count - 1, candidate + 5); i++)
        {
            if (i != candidate && log.Lines[i].ErrorLike && Math.Abs(log.Lines[i].Number - number) <= 5) count++;
        }

        return count / 10f;
    }

    /// <summary>Error lines, the two lines either side of one, the failing step's last lines and the log's: where causes are printed.</summary>
    private static bool IsFocus(PreparedLog log, int index)
    {
        var line = log.Lines[index];
        return line.ErrorLike || NearErrorLine(log.Lines, index) || log.TotalLines - line.Number < FocusTail
            || (log.Step?.Contains(line.Number) == true && log.Step.End - line.Number < FocusTail);
    }

    // Error lines and the end of the log say most; lines the successful run printed too are noise, not cause.
    private static float LineWeight(LogLine line, int fromEnd)
    {
        var weight = 1f;
        if (line.ErrorLike)
        {
            weight *= 3;
        }

        if (fromEnd < RecentLines)
        {
            weight *= 2;
        }

        if (!line.Novel)
        {
            weight *= 0.1f;
        }

        return weight;
    }

    private static int DistanceToErrorLine(PreparedLog log, int candidate)
    {
        var number = log.Lines[candidate].Number;
        var best = int.MaxValue;
        for (var i = candidate; i >= 0 && number - log.Lines[i].Number < best; i--)
        {
            if (log.Lines[i].ErrorLike)
            {
                best = number - log.Lines[i].Number;
            }
        }

        for (var i = candidate + 1; i < log.Lines.Count && log.Lines[i].Number - number < best; i++)
        {
            if (log.Lines[i].ErrorLike)
            {
                best = log.Lines[i].Number - number;
            }
        }

        return best == int.MaxValue ? 1000 : best;
    }

    private static void AddWords(string normalised, float weight, Span<float> hashed, int dimension, uint seed)
    {
        uint? previous = null;
        foreach (var range in normalised.AsSpan().Split(' '))
        {
            var word = Hash(normalised.AsSpan(range), seed);
            hashed[(int)(word % (uint)dimension)] += weight;
            if (previous is { } before)
            {
                hashed[(int)(Mix((before * 31) + word, BigramSeed) % (uint)dimension)] += weight;
            }

            previous = word;
        }
    }

    // Character 4-grams of error lines catch what word tokens miss: "eslint" in "@typescript-eslint", E0308 next to E0599.
    private static void AddCharacterGrams(string normalised, float weight, Span<float> hashed)
    {
        var gramWeight = weight * 0.25f;
        foreach (var range in normalised.AsSpan().Split(' '))
        {
            var word = normalised.AsSpan(range);
            for (var i = 0; i + 4 <= word.Length; i++)
            {
                hashed[(int)(Hash(word.Slice(i, 4), CharSeed) % HashedDimension)] += gramWeight;
            }
        }
    }

    private static void SublinearUnitLength(Span<float> values)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 0)
            {
                values[i] = MathF.Log(1 + values[i]);
                sum += values[i] * values[i];
            }
        }

        if (sum > 0)
        {
            var scale = (float)(1 / Math.Sqrt(sum));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }
    }

    private static float Scaled(int count) => MathF.Log(1 + count) / 10;

    /// <summary>FNV-1a over the characters, finished with a seed-dependent mix so families do not collide alike.</summary>
    private static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Mix(hash, seed);
    }

    private static uint Mix(uint value, uint seed)
    {
        var x = value ^ seed;
        x ^= x >> 16;
        x *= 0x7FEB352D;
        x ^= x >> 15;
        x *= 0x846CA68B;
        x ^= x >> 16;
        return x;
    }
}

/// <summary>A log read for classification: its candidate lines in log order and what the features need.</summary>
public sealed class PreparedLog(
    IReadOnlyList<LogLine> lines, int totalLines, bool hasSuccessfulLog, IReadOnlyDictionary<string, int> occurrences, FailingStep? step)
{
    public IReadOnlyList<LogLine> Lines { get; } = lines;

    /// <summary>The number of the log's last line.</summary>
    public int TotalLines { get; } = totalLines;

    public bool HasSuccessfulLog { get; } = hasSuccessfulLog;

    /// <summary>How often each normalised line occurs among the candidates.</summary>
    public IReadOnlyDictionary<string, int> Occurrences { get; } = occurrences;

    /// <summary>The command that failed the job, when the log's framing reports it.</summary>
    public FailingStep? Step { get; } = step;

    /// <summary>The number of the first error-like candidate line (0 when none).</summary>
    public int FirstErrorLine { get; } = lines.FirstOrDefault(l => l.ErrorLike)?.Number ?? 0;

    /// <summary>The candidates the line model scores (indexes into <see cref="Lines"/>, in log order).</summary>
    public IReadOnlyList<int> Scored { get; internal set; } = [];

    /// <summary>Per candidate, whether it is where causes are printed (error lines and their neighbours, the ends of the step and the log).</summary>
    public bool[] Focus { get; internal set; } = [];

    /// <summary>Per candidate, how many later candidates read the same once normalised.</summary>
    public int[] LaterCopies { get; internal set; } = [];

    /// <summary>Per candidate, the knowledge base's signals (<see cref="FailureSignals.Match"/>), matched once for focus and scored lines.</summary>
    public byte[] Signals { get; internal set; } = [];
}
