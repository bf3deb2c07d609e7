using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Domain.Classification;

namespace Faultline.Application.Tests.Classification;

public sealed class FailureAnalyzerTests
{
    private const string Log = """
        $ make test
        compiling core
        error: first failure in block A
        error: second failure in block A
        error: third failure in block A

        running tests
        error: the only failure of block B

        summary written to report.txt
        """;

    [Fact]
    public void Key_lines_come_best_first_one_per_block_with_its_extent_and_only_when_they_earn_it()
    {
        var analysis = new FailureAnalyzer(new ScriptedClassifier(uncertainBelow: 0)).Analyze(ScriptedClassifier.Version, [new LogToAnalyze(Log)])[0];

        // Error lines score 0.9 (ties: the later line first), other lines 0.1: log-odds 4.4 below the best, not shown.
        Assert.Collection(
            analysis.KeyLines,
            best => Assert.Equal((8, 7, 8), (best.LineNumber, best.BlockStart, best.BlockEnd)),
            next => Assert.Equal((5, 1, 5), (next.LineNumber, next.BlockStart, next.BlockEnd)));
        Assert.False(analysis.Uncertain);
    }

    [Fact]
    public void A_confidence_below_the_models_threshold_is_uncertain()
    {
        var analysis = new FailureAnalyzer(new ScriptedClassifier(uncertainBelow: 0.5f)).Analyze(ScriptedClassifier.Version, [new LogToAnalyze(Log)])[0];

        Assert.True(analysis.Uncertain);
        Assert.Equal(1f / 8, analysis.Confidence, 5);
    }

    /// <summary>Every class equally likely; a line scores 0.9 when it is error-like, else 0.1.</summary>
    private sealed class ScriptedClassifier(float uncertainBelow) : IFailureClassifier
    {
        public const string Version = "scripted-1";

        private static readonly int ErrorLikeColumn = LogFeaturizer.LineDimension - LogFeaturizer.LineStructural;

        private readonly ModelCard card = new(Version, "none", DateTimeOffset.UnixEpoch, LogFeaturizer.Version,
            FailureSignals.Classes, JsonDocument.Parse("{}").RootElement, "# scripted", uncertainBelow);

        public IReadOnlyList<ModelCard> Models => [card];

        public ModelAssignment DefaultAssignment => new(Version, null, 0);

        public string ExecutionProvider => "cpu";

        public float[] Classify(string modelVersion, ReadOnlySpan<float> documents, int rows) =>
            [.. Enumerable.Repeat(1f / card.Classes.Count, rows * card.Classes.Count)];

        public float[] ScoreLines(string modelVersion, ReadOnlySpan<float> lines, int rows)
        {
            var scores = new float[rows];
            for (var r = 0; r < rows; r++) scores[r] = lines[(r * LogFeaturizer.LineDimension) + ErrorLikeColumn] > 0 ? 0.9f : 0.1f;
            return scores;
        }
    }
}
