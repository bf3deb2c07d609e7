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

/// <summary>A line that explains the failure: its 1-based number in the log, its text and the line model's score.</summary>
public sealed record KeyLine(int LineNumber, string Text, float Score);

/// <summary>Why a job failed, by one model.</summary>
public sealed record FailureAnalysis(
    string Category, float Confidence, IReadOnlyDictionary<string, float> Probabilities, IReadOnlyList<KeyLine> KeyLines, string ModelVersion);

/// <summary>
/// Featurizes logs and runs a model over them in as few calls as possible: one document tensor for
/// the batch, line tensors in chunks. Serves predictions, batch predictions and the background
/// classifier alike.
/// </summary>
public sealed class FailureAnalyzer(IFailureClassifier classifier)
{
    public const int KeyLineCount = 10;
    public const int MaxKeyLineLength = 500;

    // Bounds the line tensor (rows × 4,108 floats) to ~33 MB whatever the batch.
    private const int LineRowsPerRun = 2048;

    public IReadOnlyList<FailureAnalysis> Analyze(string modelVersion, IReadOnlyList<LogToAnalyze> logs) => AnalyzeWith([modelVersion], logs)[0];

    /// <summary>Every model's analysis of the logs (per model, in order), featurizing each log once.</summary>
    public IReadOnlyList<IReadOnlyList<FailureAnalysis>> AnalyzeWith(IReadOnlyList<string> modelVersions, IReadOnlyList<LogToAnalyze> logs)
    {
        var cards = modelVersions.Select(v => classifier.Models.FirstOrDefault(m => m.Version == v)
            ?? throw new InvalidOperationException($"Model {v} is not deployed.")).ToList();
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
            return new FailureAnalysis(classes[best], row[best], byClass, KeyLines(prepared[i], scored[i], lineScores[m][i]), card.Version);
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

    private static List<KeyLine> KeyLines(PreparedLog log, IReadOnlyList<int> scored, float[] scores) =>
        [.. scored.Select((line, i) => (Line: log.Lines[line], Score: scores[i]))
            .OrderByDescending(l => l.Score).ThenByDescending(l => l.Line.Number)
            .Take(KeyLineCount)
            .Select(l => new KeyLine(l.Line.Number, Shortened(l.Line.Text), l.Score))];

    private static string Shortened(string text) => text.Length <= MaxKeyLineLength ? text : string.Concat(text.AsSpan(0, MaxKeyLineLength - 1), "…");

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var value in values) max = Math.Max(max, value);
        return max;
    }
}
