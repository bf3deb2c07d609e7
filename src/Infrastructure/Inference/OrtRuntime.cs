namespace Faultline.Infrastructure.Inference;

/// <summary>How <see cref="OrtRuntime"/> opens a model.</summary>
/// <param name="IntraOpThreads">Threads one Run may use inside an operator; 0 lets ONNX Runtime choose (one per physical core).</param>
/// <param name="ExecutionProvider">
/// <see cref="OrtSessionSettings.Cpu"/>, or <see cref="OrtSessionSettings.Cuda"/>: the GPU when ONNX Runtime can load its CUDA provider, else the CPU
/// (see <see cref="OrtInferenceSession.FallbackReason"/>). Case does not matter.
/// </param>
/// <param name="CudaDeviceId">The GPU, when on CUDA.</param>
internal sealed record OrtSessionSettings(int IntraOpThreads = 0, string ExecutionProvider = OrtSessionSettings.Cpu, int CudaDeviceId = 0)
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";
}

/// <summary>
/// The ONNX Runtime library and its OrtEnv, one per process. Sessions keep the env alive: disposing the runtime
/// while sessions are open releases the env only when the last of them is disposed.
/// </summary>
internal sealed class OrtRuntime : IDisposable
{
    private readonly OrtApi _api;
    private readonly OrtEnvHandle _env;
    private bool _disposed;

    private OrtRuntime(OrtApi api, OrtEnvHandle env)
    {
        _api = api;
        _env = env;
    }

    /// <summary>
    /// Loads the library file at <paramref name="libraryPath"/> and creates the env, which logs warnings and worse
    /// to stderr under <paramref name="logId"/>. Throws <see cref="FileNotFoundException"/> when the file is missing.
    /// </summary>
    public static OrtRuntime Load(string libraryPath, string logId)
    {
        var api = OrtApi.Load(libraryPath);
        return new OrtRuntime(api, api.CreateEnv(logId));
    }

    /// <summary>The library's version, e.g. "1.30.0".</summary>
    public string Version => _api.Version;

    public OrtInferenceSession OpenSession(string modelPath, OrtSessionSettings settings) =>
        Open(settings, options => _api.CreateSession(_env, options, modelPath));

    public OrtInferenceSession OpenSession(byte[] model, OrtSessionSettings settings) =>
        Open(settings, options => _api.CreateSession(_env, options, model));

    private OrtInferenceSession Open(OrtSessionSettings settings, Func<OrtSessionOptionsHandle, OrtSessionHandle> create)
    {
        // The env handle alone would still accept sessions while others keep it alive.
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.CudaDeviceId);
        var cuda = string.Equals(settings.ExecutionProvider, OrtSessionSettings.Cuda, StringComparison.OrdinalIgnoreCase);
        if (!cuda && !string.Equals(settings.ExecutionProvider, OrtSessionSettings.Cpu, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"Unknown execution provider '{settings.ExecutionProvider}': expected \"cpu\" or \"cuda\".", nameof(settings));
        if (!cuda)
            return Open(settings, create, useCuda: false, fallbackReason: null);
        try
        {
            return Open(settings, create, useCuda: true, fallbackReason: null);
        }
        catch (OnnxRuntimeException e)
        {
            // The CUDA provider libraries, CUDA itself or a device is missing: the model still runs, on the CPU,
            // and FallbackReason tells the caller why. (A model that fails on the CPU as well throws from there.)
            return Open(settings, create, useCuda: false, fallbackReason: e.Message);
        }
    }

    private OrtInferenceSession Open(OrtSessionSettings settings, Func<OrtSessionOptionsHandle, OrtSessionHandle> create,
        bool useCuda, string? fallbackReason)
    {
        OrtSessionHandle session;
        using (var options = _api.CreateSessionOptions(settings.IntraOpThreads))
        {
            if (useCuda)
                _api.AppendCudaExecutionProvider(options, settings.CudaDeviceId);
            session = create(options); // the session copies what it needs; the options go right after
        }
        try
        {
            return new OrtInferenceSession(_api, session, useCuda ? OrtSessionSettings.Cuda : OrtSessionSettings.Cpu,
                fallbackReason);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _env.Dispose();
    }
}

/// <summary>
/// One loaded model. <see cref="Run"/> may be called from many threads at once: ONNX Runtime's Run is
/// thread-safe, and each call creates and releases its own tensors.
/// </summary>
internal sealed class OrtInferenceSession : IDisposable
{
    private readonly OrtApi _api;
    private readonly OrtSessionHandle _session;

    internal OrtInferenceSession(OrtApi api, OrtSessionHandle session, string executionProvider, string? fallbackReason)
    {
        _api = api;
        _session = session;
        InputNames = api.InputNames(session);
        OutputNames = api.OutputNames(session);
        ExecutionProvider = executionProvider;
        FallbackReason = fallbackReason;
    }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary><see cref="OrtSessionSettings.Cpu"/> or <see cref="OrtSessionSettings.Cuda"/>: what the session was created with.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Why CUDA was asked for but the session runs on the CPU (ONNX Runtime's message); else null.</summary>
    public string? FallbackReason { get; }

    /// <summary>
    /// Runs one float32 input of shape [rows, columns], row-major in <paramref name="input"/>, and returns the
    /// named float32 output, flattened row-major, with its shape. Zero rows give an empty output of shape [0, ...].
    /// </summary>
    public unsafe (float[] Values, long[] Shape) Run(string inputName, ReadOnlySpan<float> input, int rows, int columns,
        string outputName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (input.Length != (long)rows * columns)
            throw new ArgumentException($"{input.Length} values do not make {rows} rows of {columns} columns.", nameof(input));
        // Held for the call, so a concurrent Dispose cannot release the session under it; throws
        // ObjectDisposedException once the session is disposed.
        var added = false;
        _session.DangerousAddRef(ref added);
        try
        {
            using var memoryInfo = _api.CreateCpuMemoryInfo();
            fixed (float* data = input)
            {
                // The tensor reads the pinned input in place and is released before the pin ends.
                using var tensor = _api.CreateFloatTensor(memoryInfo, data, rows, columns);
                using var output = _api.Run(_session, inputName, tensor, outputName);
                return _api.ReadFloatTensor(output, outputName);
            }
        }
        finally
        {
            if (added)
                _session.DangerousRelease();
        }
    }

    public void Dispose() => _session.Dispose();
}
