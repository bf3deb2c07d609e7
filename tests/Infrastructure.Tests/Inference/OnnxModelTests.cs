using System.Text.Json;
using Faultline.Infrastructure.Inference;
using Faultline.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace Faultline.Infrastructure.Tests.Inference;

/// <summary>
/// <see cref="OnnxModel"/> on the ONNX Runtime package's native library, with two tiny models whose outputs
/// make_test_models.py computed with numpy.
/// </summary>
public sealed class OnnxModelTests
{
    private static readonly string Models = Path.Combine(AppContext.BaseDirectory, "Inference", "Models");

    private static readonly Expected Cases =
        JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.Combine(Models, "expected.json")), JsonSerializerOptions.Web)!;

    private static readonly SessionOptions Cpu = new();

    [Fact]
    public void Runs_onnx_runtime_1_32()
    {
        Assert.StartsWith("1.32.", OrtEnv.Instance().GetVersionString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Affine_model_gives_the_probabilities_numpy_computed()
    {
        using var session = OpenAffine();

        Assert.Equal(["features"], session.InputNames);
        Assert.Equal(["probabilities"], session.OutputNames);
        var rows = Cases.Affine.Rows.Length;
        var (values, shape) = session.Run("features", Flatten(Cases.Affine.Rows), rows, 3, "probabilities");
        Assert.Equal([rows, 2L], shape);
        AssertClose(Flatten(Cases.Affine.Probabilities), values);
    }

    [Fact]
    public void A_batch_of_1000_rows_matches_softmax_of_the_affine_map()
    {
        using var session = OpenAffine();
        var input = Batch(1000);

        var (values, shape) = session.Run("features", input, 1000, 3, "probabilities");

        Assert.Equal([1000L, 2L], shape);
        AssertClose(Affine(input), values);
    }

    [Fact]
    public void An_empty_batch_gives_an_empty_output()
    {
        using var session = OpenAffine();

        var (values, shape) = session.Run("features", [], 0, 3, "probabilities");

        Assert.Empty(values);
        Assert.Equal([0L, 2L], shape);
    }

    [Fact]
    public void Tree_ensemble_gives_the_scores_numpy_computed()
    {
        using var session = Open("trees.onnx");

        Assert.Equal(["label", "probabilities"], session.OutputNames);
        var rows = Cases.Trees.Rows.Length;
        var (values, shape) = session.Run("features", Flatten(Cases.Trees.Rows), rows, 3, "probabilities");
        Assert.Equal([rows, 2L], shape);
        AssertClose(Flatten(Cases.Trees.Probabilities), values);
    }

    [Fact]
    public void Unknown_input_or_output_names_fail_with_the_runtime_message()
    {
        using var session = OpenAffine();
        var row = new float[3];

        var input = Assert.Throws<OnnxRuntimeException>(() => session.Run("nope", row, 1, 3, "probabilities"));
        var output = Assert.Throws<OnnxRuntimeException>(() => session.Run("features", row, 1, 3, "nope"));

        Assert.Contains("nope", input.Message, StringComparison.Ordinal);
        Assert.Contains("nope", output.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_column_count_fails_with_the_runtime_message()
    {
        using var session = OpenAffine();

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("features", new float[8], 2, 4, "probabilities"));

        Assert.Contains("InvalidArgument", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid dimensions", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => session.Run("features", new float[5], 2, 3, "probabilities"));
    }

    [Fact]
    public void A_corrupt_model_fails_with_the_runtime_message()
    {
        var corrupt = Assert.Throws<OnnxRuntimeException>(() => new OnnxModel("not an onnx model"u8.ToArray(), Cpu));

        Assert.Contains("InvalidProtobuf", corrupt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_twice_is_safe()
    {
        var session = OpenAffine();

        session.Dispose();
        session.Dispose();
    }

    [Fact]
    public async Task Concurrent_runs_from_8_threads_give_identical_results()
    {
        using var session = OpenAffine();
        var input = Batch(1000);
        var expected = session.Run("features", input, 1000, 3, "probabilities").Values;
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(); // all 8 threads run at once
            return Enumerable.Range(0, 25).Select(run => session.Run("features", input, 1000, 3, "probabilities").Values).ToList();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.All(results.SelectMany(r => r), values => Assert.Equal(expected, values));
    }

    [Fact]
    public void Cuda_is_refused_with_the_runtime_reason_where_cuda_is_missing()
    {
        // Only where there is no GPU; on a GPU machine with CUDA the provider is added.
        if (TestStack.ExecutionProviders.Contains("cuda")) return;

        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceProviders.Options(InferenceProviders.Cuda, new ClassificationOptions()));

        Assert.Contains("cuda", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static OnnxModel Open(string file) => new(File.ReadAllBytes(Path.Combine(Models, file)), Cpu);

    private static OnnxModel OpenAffine() => Open("affine.onnx");

    private static T[] Flatten<T>(T[][] rows) => [.. rows.SelectMany(row => row)];

    /// <summary>Deterministic rows of 3 features in [-4, 4].</summary>
    private static float[] Batch(int rows) => [.. Enumerable.Range(0, rows * 3).Select(i => (float)(4 * Math.Sin(i * 0.37)))];

    /// <summary>softmax(x·W + B) in double precision, with the weights the model was built from.</summary>
    private static double[] Affine(float[] input)
    {
        double[][] weights = Cases.Affine.Weights!;
        double[] bias = Cases.Affine.Bias!;
        var result = new double[input.Length / 3 * 2];
        for (var row = 0; row < input.Length / 3; row++)
        {
            var logits = new double[2];
            for (var k = 0; k < 2; k++)
            {
                logits[k] = bias[k];
                for (var j = 0; j < 3; j++)
                    logits[k] += input[(row * 3) + j] * weights[j][k];
            }

            var max = Math.Max(logits[0], logits[1]);
            var e0 = Math.Exp(logits[0] - max);
            var e1 = Math.Exp(logits[1] - max);
            result[row * 2] = e0 / (e0 + e1);
            result[(row * 2) + 1] = e1 / (e0 + e1);
        }

        return result;
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6, $"value {i}: expected {expected[i]}, got {actual[i]}");
    }

    private sealed record Expected(Case Affine, Case Trees);

    /// <summary>Input rows and expected outputs; the affine case also carries the weights it was built with.</summary>
    private sealed record Case(float[][] Rows, double[][] Probabilities, double[][]? Weights, double[]? Bias);
}
