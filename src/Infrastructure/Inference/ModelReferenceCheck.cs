using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;

namespace Faultline.Infrastructure.Inference;

/// <summary>
/// Proves a deployed model computes here what it computed in training: each model's reference.json
/// holds the training pipeline's probabilities (and line scores) for real logs; this featurizes the
/// same logs, runs the ONNX files through ONNX Runtime and compares.
/// </summary>
public static class ModelReferenceCheck
{
    public sealed record Result(string Model, int Compared, double LargestDifference, IReadOnlyList<string> Mismatches);

    public static IReadOnlyList<Result> Run(IFailureClassifier classifier, string modelsPath, string datasetRoot, double tolerance = 1e-5)
    {
        var results = new List<Result>();
        foreach (var card in classifier.Models)
        {
            using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(modelsPath, card.Version, "reference.json")));
            var mismatches = new List<string>();
            var compared = 0;
            var largest = 0.0;
            foreach (var item in reference.RootElement.GetProperty("items").EnumerateArray())
            {
                var logPath = item.GetProperty("log").GetString()!;
                var prepared = LogFeaturizer.Prepare(LogFiles.Read(Path.Combine(datasetRoot, logPath)));
                var document = new float[LogFeaturizer.DocumentDimension];
                LogFeaturizer.Document(prepared, document);
                var probabilities = classifier.Classify(card.Version, document, 1);
                var expected = item.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()).ToList();
                for (var c = 0; c < expected.Count; c++) Compare($"{logPath} P({card.Classes[c]})", expected[c], probabilities[c]);

                var scored = LogFeaturizer.ScoredLineIndexes(prepared);
                var line = new float[LogFeaturizer.LineDimension];
                foreach (var score in item.GetProperty("lineScores").EnumerateObject())
                {
                    var number = int.Parse(score.Name, System.Globalization.CultureInfo.InvariantCulture);
                    var index = scored.FirstOrDefault(i => prepared.Lines[i].Number == number, -1);
                    if (index < 0)
                    {
                        mismatches.Add($"{logPath}: line {number} is not a scored candidate here");
                        continue;
                    }

                    LogFeaturizer.Line(prepared, index, line);
                    Compare($"{logPath} line {number}", score.Value.GetDouble(), classifier.ScoreLines(card.Version, line, 1)[0]);
                }
            }

            results.Add(new Result(card.Version, compared, largest, mismatches));

            void Compare(string what, double expected, float actual)
            {
                var difference = Math.Abs(expected - actual);
                largest = Math.Max(largest, difference);
                compared++;
                if (difference > tolerance) mismatches.Add($"{what}: training said {expected:G9}, ONNX Runtime says {actual:G9}");
            }
        }

        return results;
    }
}
