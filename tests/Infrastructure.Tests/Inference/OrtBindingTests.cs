using System.Text.Json;
using Faultline.Infrastructure.Inference;
using Faultline.TestSupport;

namespace Faultline.Infrastructure.Tests.Inference;

/// <summary>
/// The ONNX Runtime binding against the real native library — FAULTLINE_ONNXRUNTIME, else the one
/// scripts/onnxruntime.sh fetches — and two tiny models whose outputs make_test_models.py computed with numpy.
/// </summary>
public sealed class OrtBindingTests
{
    private static readonly string LibraryPath =
        Environment.GetEnvironmentVariable("FAULTLINE_ONNXRUNTIME") is { Length: > 0 } configured ? configured : TestStack.OnnxRuntime;

    private static readonly string Models = Path.Combine(AppContext.BaseDirectory, "Inference", "Models");

    private static readonly Expected Cases =
        JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.Combine(Models, "expected.json")), JsonSerializerOptions.Web)!;

    private static readonly OrtSessionSettings Cpu = new();

    [Fact]
    public void Loads_onnx_runtime_1_30()
    {
        using var runtime = Load();

        Assert.StartsWith("1.30.", runtime.Version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Affine_model_gives_the_probabilities_numpy_computed(bool fromFile)
    {
        using var runtime = Load();
        var path = Path.Combine(Models, "affine.onnx");
        using var session = fromFile ? runtime.OpenSession(path, Cpu) : runtime.OpenSession(File.ReadAllBytes(path), Cpu);

        Assert.Equal(["features"], session.InputNames);
        Assert.Equal(["probabilities"], session.OutputNames);
        Assert.Equal("cpu", session.ExecutionProvider);
        Assert.Null(session.FallbackReason);
        var rows = Cases.Affine.Rows.Length;
        var (values, shape) = session.Run("features", Flatten(Cases.Affine.Rows), rows, 3, "probabilities");
        Assert.Equal([rows, 2L], shape);
        AssertClose(Flatten(Cases.Affine.Probabilities), values);
    }

    [Fact]
    public void A_batch_of_1000_rows_matches_softmax_of_the_affine_map()
    {
        using var runtime = Load();
        using var session = OpenAffine(runtime);
        var input = Batch(1000);

        var (values, shape) = session.Run("features", input, 1000, 3, "probabilities");

        Assert.Equal([1000L, 2L], shape);
        AssertClose(Affine(input), values);
    }

    [Fact]
    public void An_empty_batch_gives_an_empty_output()
    {
        using var runtime = Load();
        using var session = OpenAffine(runtime);

        var (values, shape) = session.Run("features", [], 0, 3, "probabilities");

        Assert.Empty(values);
        Assert.Equal([0L, 2L], shape);
    }

    [Fact]
    public void Tree_ensemble_gives_the_scores_numpy_computed()
    {
        using var runtime = Load();
        using var session = runtime.OpenSession(File.ReadAllBytes(Path.Combine(Models, "trees.onnx")), Cpu);

        Assert.Equal(["label", "probabilities"], session.OutputNames);
        var rows = Cases.Trees.Rows.Length;
        var (values, shape) = session.Run("features", Flatten(Cases.Trees.Rows), rows, 3, "probabilities");
        Assert.Equal([rows, 2L], shape);
        AssertClose(Flatten(Cases.Trees.Probabilities), values);
    }

    [Fact]
    public void Unknown_input_or_output_names_fail_with_the_runtime_message()
    {
        using var runtime = Load();
        using var session = OpenAffine(runtime);
        var row = new float[3];

        var input = Assert.Throws<OnnxRuntimeException>(() => session.Run("nope", row, 1, 3, "probabilities"));
        var output = Assert.Throws<OnnxRuntimeException>(() => session.Run("features", row, 1, 3, "nope"));

        Assert.Equal(OrtErrorCode.InvalidArgument, input.Code);
        Assert.Contains("Invalid input name: nope", input.Message, StringComparison.Ordinal);
        Assert.Equal(OrtErrorCode.InvalidArgument, output.Code);
        Assert.Contains("Invalid output name: nope", output.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_column_count_fails_with_the_runtime_message()
    {
        using var runtime = Load();
        using var session = OpenAffine(runtime);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("features", new float[8], 2, 4, "probabilities"));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.Code);
        Assert.Contains("invalid dimensions", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => session.Run("features", new float[5], 2, 3, "probabilities"));
    }

    [Fact]
    public void Corrupt_or_missing_models_fail_with_the_runtime_message()
    {
        using var runtime = Load();

        var corrupt = Assert.Throws<OnnxRuntimeException>(() => runtime.OpenSession("not an onnx model"u8.ToArray(), Cpu));
        var missing = Assert.Throws<OnnxRuntimeException>(() => runtime.OpenSession(Path.Combine(Models, "absent.onnx"), Cpu));

        Assert.Equal(OrtErrorCode.InvalidProtobuf, corrupt.Code);
        Assert.Equal(OrtErrorCode.NoSuchFile, missing.Code);
        Assert.Contains("absent.onnx", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_library_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "faultline-no-such-folder", "libonnxruntime.so.1");

        var error = Assert.Throws<FileNotFoundException>(() => OrtRuntime.Load(path, "faultline-tests"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_execution_providers_are_refused()
    {
        using var runtime = Load();

        Assert.Throws<ArgumentException>(() => runtime.OpenSession(Path.Combine(Models, "affine.onnx"), new OrtSessionSettings(ExecutionProvider: "tpu")));
    }

    [Fact]
    public void Disposing_twice_is_safe_and_sessions_outlive_their_runtime()
    {
        var runtime = Load();
        var session = OpenAffine(runtime);
        var row = Flatten(Cases.Affine.Rows)[..3];

        runtime.Dispose();
        Assert.Throws<ObjectDisposedException>(() => runtime.OpenSession(Path.Combine(Models, "affine.onnx"), Cpu));
        // The open session holds the env until it goes (ONNX Runtime crashes on a session whose env is released).
        var (values, _) = session.Run("features", row, 1, 3, "probabilities");
        AssertClose(Flatten(Cases.Affine.Probabilities)[..2], values);
        session.Dispose();
        session.Dispose();
        runtime.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run("features", row, 1, 3, "probabilities"));
    }

    [Fact]
    public async Task Concurrent_runs_from_8_threads_give_identical_results()
    {
        using var runtime = Load();
        using var session = OpenAffine(runtime);
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
    public void Cuda_without_its_provider_library_falls_back_to_the_cpu_and_says_why()
    {
        using var runtime = Load();
        var cudaProvider = Path.Combine(Path.GetDirectoryName(LibraryPath)!, "libonnxruntime_providers_cuda.so");

        using var session = runtime.OpenSession(Path.Combine(Models, "affine.onnx"), new OrtSessionSettings(ExecutionProvider: "cuda"));

        if (File.Exists(cudaProvider))
        {
            // A CUDA build is deployed here: either it runs on the GPU, or it says why not.
            Assert.Equal(session.ExecutionProvider == "cpu", session.FallbackReason is not null);
        }
        else
        {
            Assert.Equal("cpu", session.ExecutionProvider);
            Assert.NotNull(session.FallbackReason);
            Assert.Contains("libonnxruntime_providers", session.FallbackReason, StringComparison.Ordinal);
        }

        var rows = Cases.Affine.Rows.Length;
        AssertClose(Flatten(Cases.Affine.Probabilities), session.Run("features", Flatten(Cases.Affine.Rows), rows, 3, "probabilities").Values);
    }

    private static OrtRuntime Load() => OrtRuntime.Load(LibraryPath, "faultline-tests");

    private static OrtInferenceSession OpenAffine(OrtRuntime runtime) => runtime.OpenSession(Path.Combine(Models, "affine.onnx"), Cpu);

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
