using System.Buffers;
using Faultline.Application.Classification.Features;

namespace Faultline.Application.Classification;

/// <summary>A log to classify and, when known, the same job's last successful log: the tails the featurizer reads.</summary>
public sealed record LogToAnalyze(LogTail Log, LogTail? SuccessfulLog = null)
{
    public LogToAnalyze(string log)
        : this(LogTail.Of(log))
    {
    }

    /// <summary>Characters read to get these tails: the whole logs' lengths.</summary>
    public long ReadCharacters => Log.LogLength + (SuccessfulLog?.LogLength ?? 0);
}

/// <summary>
/// A line that explains the failure: its 1-based number in the log, its text, the line model's score
/// and the extent of the block it heads (first and last line numbers) for the viewer to highlight.
/// </summary>
public sealed record KeyLine(int LineNumber, string Text, float Score, int BlockStart, int BlockEnd);

/// <summary>Why a job failed, by one model.</summary>
/// <param name="Category">The most probable category.</param>
/// <param name="Uncertain">The confidence is below the model's calibrated threshold: the category is only the likeliest guess.</param>
public sealed record FailureAnalysis(
    string Category, float Confidence, IReadOnlyDictionary<string, float> Probabilities, IReadOnlyList<KeyLine> KeyLines, string ModelVersion,
    bool Uncertain);

/// <summary>
/// Featurizes logs and runs a model over them in as few calls as possible: one document tensor for
/// the batch, line tensors in chunks. Serves predictions, batch predictions and the background
/// classifier alike.
/// </summary>
public sealed class FailureAnalyzer(IFailureClassifier classifier)
{
    /// <summary>At most this many key lines: the best, then others that earn a place (see <see cref="LogitMargin"/>).</summary>
    public const int KeyLineCount = 5;

    /// <summary>
    /// A line after the best is shown only when its log-odds are within this margin of the best one's (odds at
    /// least 1/7.4 of the best's): on the shared logs out of fold, 3.1 lines per log, 45 % of them in the excerpt.
    /// </summary>
    public const float LogitMargin = 2f;

    public const int MaxKeyLineLength = 500;

    // Bounds the line tensor (rows × 4,108 floats) to ~33 MB whatever the batch.
    private const int LineRowsPerRun = 2048;

    public IReadOnlyList<FailureAnalysis> Analyze(string modelVersion, IReadOnlyList<LogToAnalyze> logs) => AnalyzeWith([modelVersion], logs)[0];

    /// <summary>Every model's analysis of the logs (per model, in order), featurizing each log once.</summary>
    public IReadOnlyList<IReadOnlyList<FailureAnalysis>> AnalyzeWith(IReadOnlyList<string> modelVersions, IReadOnlyList<LogToAnalyze> logs)
    {
        var cards = modelVersions.Select(v => classifier.Find(v) ?? throw new InvalidOperationException($"Model {v} is not deployed.")).ToList();
        var prepared = new PreparedLog[logs.Count];
        var scored = new IReadOnlyList<int>[logs.Count];
        Parallel.For(0, logs.Count, i =>
        {
            prepared[i] = LogFeaturizer.Prepare(logs[i].Log, logs[i].SuccessfulLog);
            scored[i] = LogFeaturizer.ScoredLineIndexes(prepared[i]);
        });

        var probabilities = ClassProbabilities(modelVersions, prepared);
        var lineScores = LineScores(modelVersions, prepared, scored);
        return [.. cards.Select((card, m) => (IReadOnlyList<FailureAnalysis>)[.. Enumerable.Range(0, logs.Count).Select(i =>
        {
            var classes = card.Classes;
            var row = probabilities[m].AsSpan(i * classes.Count, classes.Count);
            var best = row.IndexOf(MaxOf(row));
            var byClass = new Dictionary<string, float>(classes.Count);
            for (var c = 0; c < classes.Count; c++) byClass[classes[c]] = row[c];
            return new FailureAnalysis(
                classes[best], row[best], byClass, KeyLines(prepared[i], scored[i], lineScores[m][i]), card.Version, row[best] < card.UncertainBelow);
        })])];
    }

    private float[][] ClassProbabilities(IReadOnlyList<string> modelVersions, PreparedLog[] prepared)
    {
        const int width = LogFeaturizer.DocumentDimension;
        var documents = ArrayPool<float>.Shared.Rent(prepared.Length * width);
        try
        {
            Parallel.For(0, prepared.Length, i => LogFeaturizer.Document(prepared[i], documents.AsSpan(i * width, width)));
            return [.. modelVersions.Select(m => classifier.Classify(m, documents.AsSpan(0, prepared.Length * width), prepared.Length))];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(documents);
        }
    }

    /// <summary>Scores every log's candidate lines by each model, packing lines of several logs into each run.</summary>
    private float[][][] LineScores(IReadOnlyList<string> modelVersions, PreparedLog[] prepared, IReadOnlyList<int>[] scored)
    {
        const int width = LogFeaturizer.LineDimension;
        var scores = modelVersions.Select(_ => scored.Select(s => new float[s.Count]).ToArray()).ToArray();
        var rows = new List<(int Log, int Candidate)>(LineRowsPerRun);
        var matrix = ArrayPool<float>.Shared.Rent(LineRowsPerRun * width);
        try
        {
            for (var log = 0; log < prepared.Length; log++)
            {
                for (var candidate = 0; candidate < scored[log].Count; candidate++)
                {
                    rows.Add((log, candidate));
                    if (rows.Count == LineRowsPerRun) Flush();
                }
            }

            Flush();
            return scores;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(matrix);
        }

        void Flush()
        {
            if (rows.Count == 0) return;
            Parallel.For(0, rows.Count, r =>
                LogFeaturizer.Line(prepared[rows[r].Log], scored[rows[r].Log][rows[r].Candidate], matrix.AsSpan(r * width, width)));
            for (var m = 0; m < modelVersions.Count; m++)
            {
                var result = classifier.ScoreLines(modelVersions[m], matrix.AsSpan(0, rows.Count * width), rows.Count);
                for (var r = 0; r < rows.Count; r++) scores[m][rows[r].Log][rows[r].Candidate] = result[r];
            }
            rows.Clear();
        }
    }

    /// <summary>Best first, one line per block (a line inside a better line's block adds nothing), only lines that earn it.</summary>
    private static List<KeyLine> KeyLines(PreparedLog log, IReadOnlyList<int> scored, float[] scores)
    {
        var keyLines = new List<KeyLine>(KeyLineCount);
        foreach (var (candidate, score) in scored.Select((line, i) => (Line: line, Score: scores[i]))
            .OrderByDescending(l => l.Score).ThenByDescending(l => l.Line))
        {
            if (keyLines.Count == KeyLineCount || (keyLines.Count > 0 && Logit(score) < Logit(keyLines[0].Score) - LogitMargin)) break;
            var line = log.Lines[candidate];
            if (keyLines.Any(k => k.BlockStart <= line.Number && line.Number <= k.BlockEnd)) continue;
            var (first, last) = LogFeaturizer.BlockOf(log, candidate);
            keyLines.Add(new KeyLine(line.Number, Shortened(line.Text), score, first, last));
        }

        return keyLines;
    }

    private static float Logit(float probability)
    {
        var p = Math.Clamp(probability, 1e-6f, 1 - 1e-6f);
        return MathF.Log(p / (1 - p));
    }

    private static string Shortened(string text) => text.Length <= MaxKeyLineLength ? text : string.Concat(text.AsSpan(0, MaxKeyLineLength - 1), "…");

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var value in values) max = Math.Max(max, value);
        return max;
    }
}
