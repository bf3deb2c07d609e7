using Microsoft.ML.OnnxRuntime;

namespace Faultline.Infrastructure.Inference;

/// <summary>The execution providers <see cref="ClassificationOptions.ExecutionProvider"/> names, and their session options.</summary>
internal static class InferenceProviders
{
    public const string Auto = "auto";
    public const string Cuda = "cuda";
    public const string Cpu = "cpu";

    /// <summary>
    /// Session options for <paramref name="provider"/> ("cuda" or "cpu"). Asking for CUDA throws
    /// <see cref="OnnxRuntimeException"/> when ONNX Runtime cannot load its CUDA provider (no CUDA or cuDNN here).
    /// </summary>
    public static SessionOptions Options(string provider, ClassificationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads);
        var session = new SessionOptions { IntraOpNumThreads = options.IntraOpThreads };
        try
        {
            if (provider == Cuda) session.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The providers to try, in order: auto tries CUDA first and falls back to the CPU.</summary>
    public static IReadOnlyList<string> Candidates(string configured) => configured.ToLowerInvariant() switch
    {
        Auto => [Cuda, Cpu],
        Cuda => [Cuda],
        Cpu => [Cpu],
        _ => throw new ModelDeploymentException(
            $"Faultline:Classification:ExecutionProvider is '{configured}'; expected \"auto\", \"cuda\" or \"cpu\"."),
    };
}
