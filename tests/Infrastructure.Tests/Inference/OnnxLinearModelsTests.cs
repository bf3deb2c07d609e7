using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Application.Classification.Training;
using Faultline.Infrastructure.Inference;
using Faultline.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Faultline.Infrastructure.Tests.Inference;

/// <summary>Linear models written as ONNX by hand-written protobuf, read back, and served for a tenant through ONNX Runtime.</summary>
public sealed class OnnxLinearModelsTests
{
    private static readonly string[] Classes = ["compilation", "test", "lint", "dependency"];

    private static LinearModel RandomModel(int features, int seed)
    {
        var random = new Random(seed);
        var weights = new float[features * Classes.Length];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() * 4 - 2);
        return new LinearModel(Classes, features, weights, [0.5f, -0.25f, 0, 1]);
    }

    private static float[] Rows(int rows, int features, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * features];
        for (var i = 0; i < values.Length; i++) values[i] = random.Next(3) == 0 ? (float)random.NextDouble() : 0;
        return values;
    }

    private static OnnxFailureClassifier Shipped() =>
        new(new ClassificationOptions { ModelsPath = TestStack.Models, ExecutionProvider = "cpu" }, NullLogger<OnnxFailureClassifier>.Instance);

    [Fact]
    public void A_written_model_run_by_ONNX_Runtime_gives_the_probabilities_the_CSharp_model_computes()
    {
        const int features = 37, rows = 6;
        var model = RandomModel(features, seed: 1);
        var bytes = new OnnxLinearModels().Serialize(model, new Dictionary<string, string> { ["featurizerVersion"] = "test" });
        using var options = new SessionOptions();
        using var session = new OnnxModel(bytes, options);
        var input = Rows(rows, features, seed: 2);

        var (values, shape) = session.Run(OnnxLinearModels.Input, input, rows, features, OnnxLinearModels.Output);

        Assert.Equal([rows, Classes.Length], shape);
        for (var r = 0; r < rows; r++)
        {
            var expected = model.Probabilities(input.AsSpan(r * features, features));
            for (var k = 0; k < Classes.Length; k++) Assert.Equal(expected[k], values[r * Classes.Length + k], 5);
        }
    }

    [Fact]
    public void A_written_model_reads_back_to_the_same_weights()
    {
        var model = RandomModel(11, seed: 3);
        var read = OnnxLinearModels.Read(new OnnxLinearModels().Serialize(model, new Dictionary<string, string>()), Classes)!;

        Assert.Equal(model.Features, read.Features);
        Assert.Equal(model.Weights, read.Weights);
        Assert.Equal(model.Bias, read.Bias);
    }

    [Fact]
    public void The_shipped_linear_models_weights_are_read_and_give_what_ONNX_Runtime_gives()
    {
        using var classifier = Shipped();
        var linear = classifier.Models.Where(m => m.Algorithm == "lr").Select(m => (m.Version, Weights: classifier.LinearWeights(m.Version))).First();
        Assert.NotNull(linear.Weights);
        Assert.Equal(LogFeaturizer.DocumentDimension, linear.Weights.Features);
        Assert.All(classifier.Models.Where(m => m.Algorithm != "lr"), m => Assert.Null(classifier.LinearWeights(m.Version)));
        var document = new float[LogFeaturizer.DocumentDimension];
        LogFeaturizer.Document(LogFeaturizer.Prepare("error CS1002: ; expected\nBuild FAILED.\n##[error]Process completed with exit code 1."), document);

        var expected = classifier.Classify(linear.Version, document, 1);

        Assert.All(linear.Weights.Probabilities(document), (p, k) => Assert.Equal(expected[k], p, 5));
    }

    [Fact]
    public void A_leased_trained_model_serves_under_its_version_with_the_default_models_line_scorer_until_it_is_released()
    {
        using var classifier = Shipped();
        var prior = classifier.Models.Select(m => classifier.LinearWeights(m.Version)).First(w => w is not null)!;
        var trained = new LinearModel(prior.Classes, prior.Features, [.. prior.Weights.Select(w => w * 2)], prior.Bias);
        var card = new ModelCard("tenant-test-1", "lr", DateTimeOffset.UnixEpoch, LogFeaturizer.Version, trained.Classes,
            JsonDocument.Parse("{}").RootElement, "", 0);
        var document = new float[LogFeaturizer.DocumentDimension];
        LogFeaturizer.Document(LogFeaturizer.Prepare("npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd"), document);

        using (classifier.Lease(card, new OnnxLinearModels().Serialize(trained, new Dictionary<string, string>())))
        {
            Assert.Equal(card, classifier.Find(card.Version));
            Assert.All(classifier.Classify(card.Version, document, 1), (p, k) => Assert.Equal(trained.Probabilities(document)[k], p, 5));
            var analysis = new FailureAnalyzer(classifier).Analyze(card.Version, [new LogToAnalyze("npm ERR! code E404\nnpm ERR! 404 Not Found")])[0];
            Assert.Equal(card.Version, analysis.ModelVersion);
            Assert.NotEmpty(analysis.KeyLines);
            using var again = classifier.TryLease(card.Version);
            Assert.NotNull(again);
        }

        Assert.Null(classifier.TryLease("tenant-never-leased"));
        Assert.Throws<InvalidOperationException>(() => classifier.Lease(card with { FeaturizerVersion = "fl-feat-0" }, []));
    }

    [Fact]
    public void Beyond_the_open_models_bound_released_models_are_closed_least_recently_used_first_and_leased_ones_stay()
    {
        var opened = 0;
        using var trained = new TrainedClassifiers(capacity: 1, bytes =>
        {
            opened++;
            using var options = new SessionOptions();
            return new OnnxModel(bytes, options);
        });
        var bytes = new OnnxLinearModels().Serialize(RandomModel(3, seed: 4), new Dictionary<string, string>());
        ModelCard Card(string version) => new(version, "lr", DateTimeOffset.UnixEpoch, LogFeaturizer.Version, Classes,
            JsonDocument.Parse("{}").RootElement, "", 0);

        var first = trained.Lease(Card("a"), bytes);
        using (trained.Lease(Card("b"), bytes))
        {
            // Both are leased: over the bound, neither is closed.
            Assert.NotNull(trained.Find("a"));
            first.Dispose();
            Assert.Null(trained.Find("a"));
            Assert.NotNull(trained.Find("b"));
        }

        Assert.NotNull(trained.Find("b"));
        Assert.Equal(2, opened);
    }
}
