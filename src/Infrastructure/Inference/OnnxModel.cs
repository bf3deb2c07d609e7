using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Faultline.Infrastructure.Inference;

/// <summary>
/// One ONNX model in an ONNX Runtime session, run on float32 batches of shape [rows, columns]. <see cref="Run"/> may be
/// called from many threads at once: ONNX Runtime's Run is thread-safe, and each call owns its tensors.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxModel(byte[] model, SessionOptions options)
    {
        _session = new InferenceSession(model, options);
    }

    public IReadOnlyList<string> InputNames => _session.InputNames;

    public IReadOnlyList<string> OutputNames => _session.OutputNames;

    /// <summary>
    /// Runs one input of shape [rows, columns], row-major in <paramref name="input"/>, as one tensor, and returns the named
    /// output flattened row-major with its shape. Zero rows give an empty output of shape [0, ...].
    /// </summary>
    public (float[] Values, long[] Shape) Run(string inputName, ReadOnlySpan<float> input, int rows, int columns, string outputName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (input.Length != (long)rows * columns)
            throw new ArgumentException($"{input.Length} values do not make {rows} rows of {columns} columns.", nameof(input));
        // One copy into native memory: callers' rows are spans (often slices of pooled buffers), which cannot be pinned here.
        using var tensor = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [rows, columns]);
        input.CopyTo(tensor.GetTensorMutableDataAsSpan<float>());
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [inputName], [tensor], [outputName]);
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }

    public void Dispose() => _session.Dispose();
}
