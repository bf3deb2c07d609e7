namespace Faultline.Application.Classification.Features;

/// <summary>
/// The one featurizer: the training export and the server both turn logs into model inputs here,
/// so a model never sees features computed another way than it was trained on. Any change to what
/// it computes must change <see cref="Version"/>; models record the version they were built for and
/// serving refuses the others.
/// </summary>
public static class LogFeaturizer
{
    public const string Version = "fl-feat-2";

    public const int HashedDimension = 1 << 13;
    public const int DocumentStructural = 8;
    public const int DocumentDimension = HashedDimension + DocumentStructural + FailureSignals.Count;

    public const int LineHashedDimension = 1 << 12;
    public const int LineStructural = 12;
    public const int LineDimension = LineHashedDimension + LineStructural;

    /// <summary>Lines at the end of the log that are always candidates: most causes are there.</summary>
    public const int TailLines = 2000;

    /// <summary>Error-like lines before the tail that are candidates too (nearest the tail first).</summary>
    public const int EarlierErrorLines = 1000;

    /// <summary>How many candidate lines the line model scores per log; chosen by <see cref="ScoredLineIndexes"/>.</summary>
    public const int ScoredLines = 200;

    private const int RecentLines = 50;
    private const int FocusTail = 30;

    // Install and compile chatter outweighs the cause by line count; away from the focus it counts a fifth.
    private const float UnfocusedWeight = 0.2f;
    private const uint UnigramSeed = 0x9E3779B1, BigramSeed = 0x85EBCA77, CharSeed = 0xC2B2AE3D;

    /// <summary>
    /// Reads a failed log (and, when known, the same job's last successful log) into its candidate
    /// lines: the tail plus earlier error-like lines, in log order.
    /// </summary>
    public static PreparedLog Prepare(string log, string? successfulLog = null) =>
        Prepare(LogTail.Of(log), successfulLog is null ? null : LogTail.Of(successfulLog));

    /// <inheritdoc cref="Prepare(string, string?)"/>
    public static PreparedLog Prepare(LogTail log, LogTail? successfulLog = null)
    {
        var lines = LogLines.Read(log);
        var seenInSuccess = successfulLog is null ? null : LogLines.Read(successfulLog).Select(l => l.Normalised).ToHashSet(StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            occurrences[line.Normalised] = occurrences.GetValueOrDefault(line.Normalised) + 1;
        }

        var tailStart = Math.Max(0, lines.Count - TailLines);
        var candidates = new List<LogLine>();
        var earlier = new List<LogLine>();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var (number, text, normalised) = lines[i];
            if (normalised.Length == 0)
            {
                continue;
            }

            var errorLike = LogLines.IsErrorLike(normalised);
            var line = new LogLine(number, text, normalised, errorLike, seenInSuccess?.Contains(normalised) != true);
            if (i >= tailStart)
            {
                candidates.Add(line);
            }
            else if (errorLike && earlier.Count < EarlierErrorLines)
            {
                earlier.Add(line);
            }
        }

        candidates.AddRange(earlier);
        candidates.Reverse();
        var totalLines = lines.Count == 0 ? 0 : lines[^1].Number;
        var firstErrorLine = candidates.FirstOrDefault(l => l.ErrorLike)?.Number ?? 0;
        return new PreparedLog(candidates, totalLines, successfulLog is not null, occurrences, firstErrorLine);
    }

    /// <summary>The document vector: weighted hashed word and character n-grams, then structural features.</summary>
    public static void Document(PreparedLog log, Span<float> features)
    {
        if (features.Length != DocumentDimension)
        {
            throw new ArgumentException($"Expected {DocumentDimension} features.", nameof(features));
        }

        features.Clear();
        var hashed = features[..HashedDimension];
        var errorLines = 0;
        var novelLines = 0;
        var lastErrorFromEnd = log.TotalLines;
        var firstErrorPosition = 1.0;
        var recentErrors = 0;
        for (var i = 0; i < log.Lines.Count; i++)
        {
            var line = log.Lines[i];
            var fromEnd = log.TotalLines - line.Number;
            var weight = LineWeight(line, fromEnd) * (IsFocus(log, i) ? 1 : UnfocusedWeight);
            AddWords(line.Normalised, weight, hashed, HashedDimension);
            if (line.ErrorLike)
            {
                AddCharacterGrams(line.Normalised, weight, hashed);
                errorLines++;
                lastErrorFromEnd = Math.Min(lastErrorFromEnd, fromEnd);
                firstErrorPosition = Math.Min(firstErrorPosition, (double)line.Number / Math.Max(1, log.TotalLines));
                recentErrors += fromEnd < 20 ? 1 : 0;
            }

            novelLines += line.Novel ? 1 : 0;
        }

        SublinearUnitLength(hashed);
        var signals = features[(HashedDimension + DocumentStructural)..];
        for (var i = 0; i < log.Lines.Count; i++)
        {
            if (IsFocus(log, i)) FailureSignals.Add(log.Lines[i].Text, log.TotalLines - log.Lines[i].Number, signals);
        }

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
    }

    /// <summary>
    /// The candidates worth scoring (indexes into <see cref="PreparedLog.Lines"/>, in log order): error
    /// lines, their close neighbours (stack traces, compiler context) and the last lines first, lines
    /// nearer the end winning ties. Training exports exactly these, so the line model is judged on
    /// what it will see.
    /// </summary>
    public static IReadOnlyList<int> ScoredLineIndexes(PreparedLog log)
    {
        var lines = log.Lines;
        var priority = new (int Score, int Index)[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var fromEnd = log.TotalLines - line.Number;
            var score = (line.ErrorLike ? 8 : 0) + (NearErrorLine(lines, i) ? 4 : 0) + (fromEnd < RecentLines ? 4 : fromEnd < 4 * RecentLines ? 1 : 0)
                + (log.HasSuccessfulLog && line.Novel ? 2 : 0);
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

    /// <summary>The vector of one candidate line for the line model: its words and where it sits.</summary>
    public static void Line(PreparedLog log, int candidate, Span<float> features)
    {
        if (features.Length != LineDimension)
        {
            throw new ArgumentException($"Expected {LineDimension} features.", nameof(features));
        }

        features.Clear();
        var line = log.Lines[candidate];
        var hashed = features[..LineHashedDimension];
        AddWords(line.Normalised, 1, hashed, LineHashedDimension);
        SublinearUnitLength(hashed);

        var fromEnd = log.TotalLines - line.Number;
        var previous = candidate > 0 ? log.Lines[candidate - 1] : null;
        var next = candidate + 1 < log.Lines.Count ? log.Lines[candidate + 1] : null;
        var structural = features[LineHashedDimension..];
        structural[0] = line.ErrorLike ? 1 : 0;
        structural[1] = Scaled(fromEnd);
        structural[2] = fromEnd < RecentLines ? 1 : 0;
        structural[3] = line.Novel ? 1 : 0;
        structural[4] = log.HasSuccessfulLog ? 1 : 0;
        structural[5] = previous is { ErrorLike: true } && previous.Number == line.Number - 1 ? 1 : 0;
        structural[6] = next is { ErrorLike: true } && next.Number == line.Number + 1 ? 1 : 0;
        structural[7] = Scaled(log.Occurrences.GetValueOrDefault(line.Normalised, 1) - 1);
        structural[8] = Math.Min(1, line.Text.Length / 200f);
        structural[9] = (float)line.Number / Math.Max(1, log.TotalLines);
        structural[10] = line.Number == log.FirstErrorLine ? 1 : 0;
        structural[11] = Scaled(DistanceToErrorLine(log, candidate));
    }

    /// <summary>Error lines, the two lines either side of one, and the last lines: where causes are printed.</summary>
    private static bool IsFocus(PreparedLog log, int index) =>
        log.Lines[index].ErrorLike || NearErrorLine(log.Lines, index) || log.TotalLines - log.Lines[index].Number < FocusTail;

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

    private static void AddWords(string normalised, float weight, Span<float> hashed, int dimension)
    {
        uint? previous = null;
        foreach (var range in normalised.AsSpan().Split(' '))
        {
            var word = Hash(normalised.AsSpan(range), UnigramSeed);
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
public sealed record PreparedLog(
    IReadOnlyList<LogLine> Lines, int TotalLines, bool HasSuccessfulLog, IReadOnlyDictionary<string, int> Occurrences, int FirstErrorLine);
