namespace Faultline.Infrastructure.Inference;

/// <summary>Where the models and the ONNX Runtime library are, and how to run them (<c>Faultline:Classification</c>).</summary>
public sealed class ClassificationOptions
{
    /// <summary>The folder of models.json and one folder per model version.</summary>
    public string ModelsPath { get; set; } = "models";

    /// <summary>libonnxruntime.so.1, fetched by scripts/onnxruntime.sh.</summary>
    public string OnnxRuntimePath { get; set; } = ".local/onnxruntime/libonnxruntime.so.1";

    /// <summary>"cpu", or "cuda" when the CUDA provider library is present (falls back to the CPU with a warning).</summary>
    public string ExecutionProvider { get; set; } = "cpu";

    public int CudaDeviceId { get; set; }

    /// <summary>Threads per model run; 0 lets ONNX Runtime use one per core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>These options with relative paths read from <paramref name="root"/> (the content root).</summary>
    public ClassificationOptions RelativeTo(string root) => new()
    {
        ModelsPath = Path.GetFullPath(ModelsPath, root),
        OnnxRuntimePath = Path.GetFullPath(OnnxRuntimePath, root),
        ExecutionProvider = ExecutionProvider,
        CudaDeviceId = CudaDeviceId,
        IntraOpThreads = IntraOpThreads,
    };
}
