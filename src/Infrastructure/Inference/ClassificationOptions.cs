namespace Faultline.Infrastructure.Inference;

/// <summary>Where the models are and how to run them (<c>Faultline:Classification</c>).</summary>
public sealed class ClassificationOptions
{
    /// <summary>The folder of models.json and one folder per model version.</summary>
    public string ModelsPath { get; set; } = "models";

    /// <summary>
    /// "auto" (CUDA when the machine has a GPU and CUDA, else the CPU, with the reason logged), "cuda" (refuse to start
    /// without it) or "cpu".
    /// </summary>
    public string ExecutionProvider { get; set; } = InferenceProviders.Auto;

    public int CudaDeviceId { get; set; }

    /// <summary>Threads per model run; 0 lets ONNX Runtime use one per core.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>These options with relative paths read from <paramref name="root"/> (the content root).</summary>
    public ClassificationOptions RelativeTo(string root) => new()
    {
        ModelsPath = Path.GetFullPath(ModelsPath, root),
        ExecutionProvider = ExecutionProvider,
        CudaDeviceId = CudaDeviceId,
        IntraOpThreads = IntraOpThreads,
    };
}
