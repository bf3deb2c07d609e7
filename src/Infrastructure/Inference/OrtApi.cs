using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Faultline.Infrastructure.Inference;

/// <summary>
/// An exact binding of the few ONNX Runtime C API functions the classifier uses, for the libonnxruntime.so.1 of
/// onnxruntime-node 1.30. The library exports only OrtGetApiBase; every other function is a pointer in the OrtApi
/// table that OrtGetApiBase()->GetApi(version) returns, read here by its position in that struct. Every non-null
/// OrtStatus becomes an <see cref="OnnxRuntimeException"/>, and every native object comes back in a SafeHandle
/// that releases it exactly once.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The release (major.minor) these positions and signatures were checked against.</summary>
    public const string ExpectedVersion = "1.30";

    /// <summary>ORT_API_VERSION of 1.30; its GetApi serves versions 1 to 30.</summary>
    private const uint ApiVersion = 30;

    /// <summary>
    /// Positions of the members of struct OrtApi in include/onnxruntime/core/session/onnxruntime_c_api.h, counted
    /// from 0 at its first member, CreateStatus. Every member is one function pointer, those declared through
    /// ORT_API2_STATUS and ORT_CLASS_RELEASE included. The struct only ever grows at its end, so positions hold in
    /// every later release too.
    /// </summary>
    private static class Slot
    {
        public const int GetErrorCode = 1;
        public const int GetErrorMessage = 2;
        public const int CreateEnv = 3;
        public const int CreateSession = 7;
        public const int CreateSessionFromArray = 8;
        public const int Run = 9;
        public const int CreateSessionOptions = 10;
        public const int SetSessionGraphOptimizationLevel = 23;
        public const int SetIntraOpNumThreads = 24;
        public const int SessionGetInputCount = 30;
        public const int SessionGetOutputCount = 31;
        public const int SessionGetInputName = 36;
        public const int SessionGetOutputName = 37;
        public const int CreateTensorWithDataAsOrtValue = 49;
        public const int GetTensorMutableData = 51;
        public const int GetTensorElementType = 60;
        public const int GetDimensionsCount = 61;
        public const int GetDimensions = 62;
        public const int GetTensorTypeAndShape = 65;
        public const int CreateCpuMemoryInfo = 69;
        public const int AllocatorFree = 76;
        public const int GetAllocatorWithDefaultOptions = 78;
        public const int ReleaseEnv = 92;
        public const int ReleaseStatus = 93;
        public const int ReleaseMemoryInfo = 94;
        public const int ReleaseSession = 95;
        public const int ReleaseValue = 96;
        public const int ReleaseTensorTypeAndShapeInfo = 99;
        public const int ReleaseSessionOptions = 100;
        public const int SessionOptionsAppendExecutionProvider_CUDA_V2 = 204;
        public const int CreateCUDAProviderOptions = 205;
        public const int UpdateCUDAProviderOptions = 206;
        public const int ReleaseCUDAProviderOptions = 208;
    }

    // Values of the C enums passed in (C enums are int-sized).
    private const int LoggingLevelWarning = 2;   // OrtLoggingLevel ORT_LOGGING_LEVEL_WARNING
    private const int GraphOptimizationAll = 99; // GraphOptimizationLevel ORT_ENABLE_ALL
    private const int ArenaAllocator = 1;        // OrtAllocatorType OrtArenaAllocator
    private const int MemTypeDefault = 0;        // OrtMemType OrtMemTypeDefault
    private const int ElementTypeFloat = 1;      // ONNXTensorElementDataType ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT

    // Ort* objects and OrtStatus* are opaque pointers (nint); const char* is byte* (UTF-8, null-terminated);
    // size_t is nuint; int64_t* is long*. Each comment is the member's C signature.

    // OrtErrorCode GetErrorCode(const OrtStatus* status)
    private readonly delegate* unmanaged[Cdecl]<nint, int> _getErrorCode;
    // const char* GetErrorMessage(const OrtStatus* status)
    private readonly delegate* unmanaged[Cdecl]<nint, byte*> _getErrorMessage;
    // OrtStatus* CreateEnv(OrtLoggingLevel log_severity_level, const char* logid, OrtEnv** out)
    private readonly delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> _createEnv;
    // OrtStatus* CreateSession(const OrtEnv* env, const ORTCHAR_T* model_path, const OrtSessionOptions* options,
    //                          OrtSession** out) -- ORTCHAR_T is char (UTF-8) off Windows
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint> _createSession;
    // OrtStatus* CreateSessionFromArray(const OrtEnv* env, const void* model_data, size_t model_data_length,
    //                                   const OrtSessionOptions* options, OrtSession** out)
    private readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> _createSessionFromArray;
    // OrtStatus* Run(OrtSession* session, const OrtRunOptions* run_options, const char* const* input_names,
    //                const OrtValue* const* inputs, size_t input_len, const char* const* output_names,
    //                size_t output_names_len, OrtValue** outputs)
    private readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> _run;
    // OrtStatus* CreateSessionOptions(OrtSessionOptions** options)
    private readonly delegate* unmanaged[Cdecl]<nint*, nint> _createSessionOptions;
    // OrtStatus* SetSessionGraphOptimizationLevel(OrtSessionOptions* options, GraphOptimizationLevel level)
    private readonly delegate* unmanaged[Cdecl]<nint, int, nint> _setSessionGraphOptimizationLevel;
    // OrtStatus* SetIntraOpNumThreads(OrtSessionOptions* options, int intra_op_num_threads)
    private readonly delegate* unmanaged[Cdecl]<nint, int, nint> _setIntraOpNumThreads;
    // OrtStatus* SessionGetInputCount(const OrtSession* session, size_t* out); SessionGetOutputCount alike
    private readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> _sessionGetInputCount, _sessionGetOutputCount;
    // OrtStatus* SessionGetInputName(const OrtSession* session, size_t index, OrtAllocator* allocator, char** value);
    // SessionGetOutputName alike. The name is allocated with `allocator` and must be freed with it.
    private readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> _sessionGetInputName, _sessionGetOutputName;
    // OrtStatus* CreateTensorWithDataAsOrtValue(const OrtMemoryInfo* info, void* p_data, size_t p_data_len,
    //                                           const int64_t* shape, size_t shape_len, ONNXTensorElementDataType type,
    //                                           OrtValue** out) -- p_data stays the caller's; ReleaseValue leaves it
    private readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> _createTensorWithDataAsOrtValue;
    // OrtStatus* GetTensorMutableData(OrtValue* value, void** out)
    private readonly delegate* unmanaged[Cdecl]<nint, void**, nint> _getTensorMutableData;
    // OrtStatus* GetTensorElementType(const OrtTensorTypeAndShapeInfo* info, ONNXTensorElementDataType* out)
    private readonly delegate* unmanaged[Cdecl]<nint, int*, nint> _getTensorElementType;
    // OrtStatus* GetDimensionsCount(const OrtTensorTypeAndShapeInfo* info, size_t* out)
    private readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> _getDimensionsCount;
    // OrtStatus* GetDimensions(const OrtTensorTypeAndShapeInfo* info, int64_t* dim_values, size_t dim_values_length)
    private readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> _getDimensions;
    // OrtStatus* GetTensorTypeAndShape(const OrtValue* value, OrtTensorTypeAndShapeInfo** out)
    private readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> _getTensorTypeAndShape;
    // OrtStatus* CreateCpuMemoryInfo(OrtAllocatorType type, OrtMemType mem_type, OrtMemoryInfo** out)
    private readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> _createCpuMemoryInfo;
    // OrtStatus* AllocatorFree(OrtAllocator* ort_allocator, void* p)
    private readonly delegate* unmanaged[Cdecl]<nint, void*, nint> _allocatorFree;
    // OrtStatus* GetAllocatorWithDefaultOptions(OrtAllocator** out) -- ORT's own allocator, never freed
    private readonly delegate* unmanaged[Cdecl]<nint*, nint> _getAllocatorWithDefaultOptions;
    // void ReleaseX(OrtX* input) for Env, Status, MemoryInfo, Session, Value, TensorTypeAndShapeInfo, SessionOptions;
    // void ReleaseCUDAProviderOptions(OrtCUDAProviderOptionsV2* input)
    private readonly delegate* unmanaged[Cdecl]<nint, void> _releaseEnv, _releaseStatus, _releaseMemoryInfo,
        _releaseSession, _releaseValue, _releaseTensorTypeAndShapeInfo, _releaseSessionOptions, _releaseCudaProviderOptions;
    // OrtStatus* SessionOptionsAppendExecutionProvider_CUDA_V2(OrtSessionOptions* options,
    //                                                          const OrtCUDAProviderOptionsV2* cuda_options)
    private readonly delegate* unmanaged[Cdecl]<nint, nint, nint> _appendCudaV2;
    // OrtStatus* CreateCUDAProviderOptions(OrtCUDAProviderOptionsV2** out)
    private readonly delegate* unmanaged[Cdecl]<nint*, nint> _createCudaProviderOptions;
    // OrtStatus* UpdateCUDAProviderOptions(OrtCUDAProviderOptionsV2* cuda_options, const char* const* keys,
    //                                      const char* const* values, size_t num_keys)
    private readonly delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint> _updateCudaProviderOptions;

    private OrtApi(void** table, string version)
    {
        Version = version;
        _getErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)table[Slot.GetErrorCode];
        _getErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)table[Slot.GetErrorMessage];
        _createEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)table[Slot.CreateEnv];
        _createSession = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)table[Slot.CreateSession];
        _createSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)table[Slot.CreateSessionFromArray];
        _run = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)table[Slot.Run];
        _createSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[Slot.CreateSessionOptions];
        _setSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[Slot.SetSessionGraphOptimizationLevel];
        _setIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)table[Slot.SetIntraOpNumThreads];
        _sessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[Slot.SessionGetInputCount];
        _sessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[Slot.SessionGetOutputCount];
        _sessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[Slot.SessionGetInputName];
        _sessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)table[Slot.SessionGetOutputName];
        _createTensorWithDataAsOrtValue =
            (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)table[Slot.CreateTensorWithDataAsOrtValue];
        _getTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)table[Slot.GetTensorMutableData];
        _getTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)table[Slot.GetTensorElementType];
        _getDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)table[Slot.GetDimensionsCount];
        _getDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)table[Slot.GetDimensions];
        _getTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)table[Slot.GetTensorTypeAndShape];
        _createCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)table[Slot.CreateCpuMemoryInfo];
        _allocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)table[Slot.AllocatorFree];
        _getAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[Slot.GetAllocatorWithDefaultOptions];
        _releaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseEnv];
        _releaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseStatus];
        _releaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseMemoryInfo];
        _releaseSession = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseSession];
        _releaseValue = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseValue];
        _releaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseTensorTypeAndShapeInfo];
        _releaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseSessionOptions];
        _releaseCudaProviderOptions = (delegate* unmanaged[Cdecl]<nint, void>)table[Slot.ReleaseCUDAProviderOptions];
        _appendCudaV2 = (delegate* unmanaged[Cdecl]<nint, nint, nint>)table[Slot.SessionOptionsAppendExecutionProvider_CUDA_V2];
        _createCudaProviderOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)table[Slot.CreateCUDAProviderOptions];
        _updateCudaProviderOptions = (delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)table[Slot.UpdateCUDAProviderOptions];
    }

    /// <summary>The library's own version string, e.g. "1.30.0".</summary>
    public string Version { get; }

    /// <summary>
    /// Loads the library file at <paramref name="libraryPath"/> (that file, never a search of library paths) and
    /// checks it is the release this binding was written for.
    /// </summary>
    public static OrtApi Load(string libraryPath)
    {
        if (!File.Exists(libraryPath))
            throw new FileNotFoundException($"The ONNX Runtime library was not found at '{libraryPath}'.", libraryPath);
        // Never unloaded: sessions, their thread pools and ORT's static state live in it. Loading the same file
        // again hands back the same library.
        var library = NativeLibrary.Load(libraryPath);
        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
            throw new InvalidOperationException($"'{libraryPath}' is not ONNX Runtime: it exports no OrtGetApiBase.");
        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t version); const char* (*GetVersionString)(void); }
        var apiBase = ((delegate* unmanaged[Cdecl]<void**>)getApiBase)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, void**>)apiBase[0];
        var getVersionString = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "";
        // Slot positions are stable, but signatures and behaviour were checked against this release only.
        if (version != ExpectedVersion && !version.StartsWith(ExpectedVersion + ".", StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"'{libraryPath}' is ONNX Runtime {version}; this binding was written for {ExpectedVersion}.x.");
        var table = getApi(ApiVersion); // null when the library does not serve that version
        if (table == null)
            throw new InvalidOperationException($"ONNX Runtime {version} at '{libraryPath}' does not serve C API version {ApiVersion}.");
        return new OrtApi(table, version);
    }

    /// <summary>Creates the process's OrtEnv, which logs warnings and worse to stderr under <paramref name="logId"/>.</summary>
    public OrtEnvHandle CreateEnv(string logId)
    {
        var env = new OrtEnvHandle(_releaseEnv);
        nint raw = 0;
        fixed (byte* id = Utf8(logId))
            Check(_createEnv(LoggingLevelWarning, id, &raw));
        env.Own(raw);
        return env;
    }

    /// <summary>Options with every graph optimisation on; <paramref name="intraOpThreads"/> 0 lets ORT choose.</summary>
    public OrtSessionOptionsHandle CreateSessionOptions(int intraOpThreads)
    {
        var options = new OrtSessionOptionsHandle(_releaseSessionOptions);
        nint raw = 0;
        Check(_createSessionOptions(&raw));
        options.Own(raw);
        try
        {
            Check(_setSessionGraphOptimizationLevel(raw, GraphOptimizationAll));
            Check(_setIntraOpNumThreads(raw, intraOpThreads));
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds the CUDA execution provider on <paramref name="deviceId"/>. Throws when ORT cannot load it: its
    /// provider libraries (libonnxruntime_providers_shared.so, libonnxruntime_providers_cuda.so, looked up next to
    /// libonnxruntime.so.1) or the CUDA libraries they need are missing. The V2 options are opaque, so nothing
    /// here depends on the layout of struct OrtCUDAProviderOptions.
    /// </summary>
    public void AppendCudaExecutionProvider(OrtSessionOptionsHandle options, int deviceId)
    {
        nint cuda = 0;
        Check(_createCudaProviderOptions(&cuda));
        try
        {
            fixed (byte* key = "device_id\0"u8)
            fixed (byte* value = Utf8(deviceId.ToString(CultureInfo.InvariantCulture)))
            {
                byte* keys = key, values = value; // arrays of one key and one value
                Check(_updateCudaProviderOptions(cuda, &keys, &values, 1));
            }
            Check(_appendCudaV2(options.DangerousGetHandle(), cuda));
        }
        finally
        {
            _releaseCudaProviderOptions(cuda); // the session options keep their own copy
        }
    }

    public OrtSessionHandle CreateSession(OrtEnvHandle env, OrtSessionOptionsHandle options, string modelPath) =>
        CreateSession(env, options, (e, o, session) =>
        {
            fixed (byte* path = Utf8(modelPath))
                return _createSession(e, path, o, session);
        });

    public OrtSessionHandle CreateSession(OrtEnvHandle env, OrtSessionOptionsHandle options, byte[] model) =>
        CreateSession(env, options, (e, o, session) =>
        {
            fixed (byte* data = model)
                return _createSessionFromArray(e, data, (nuint)model.Length, o, session);
        });

    private delegate nint SessionFactory(nint env, nint options, nint* session);

    private OrtSessionHandle CreateSession(OrtEnvHandle env, OrtSessionOptionsHandle options, SessionFactory create)
    {
        var session = new OrtSessionHandle(_releaseSession, env);
        // ORT requires the env to outlive its sessions: each session holds a reference on it, dropped when the
        // session is released (see OrtSessionHandle). Throws ObjectDisposedException once the env is disposed.
        var envAdded = false;
        env.DangerousAddRef(ref envAdded);
        nint raw = 0;
        try
        {
            Check(create(env.DangerousGetHandle(), options.DangerousGetHandle(), &raw));
        }
        finally
        {
            if (raw == 0 && envAdded)
                env.DangerousRelease();
        }
        session.Own(raw);
        return session;
    }

    public string[] InputNames(OrtSessionHandle session) => Names(session, _sessionGetInputCount, _sessionGetInputName);

    public string[] OutputNames(OrtSessionHandle session) => Names(session, _sessionGetOutputCount, _sessionGetOutputName);

    private string[] Names(OrtSessionHandle session, delegate* unmanaged[Cdecl]<nint, nuint*, nint> getCount,
        delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> getName)
    {
        nint allocator = 0;
        Check(_getAllocatorWithDefaultOptions(&allocator));
        nuint count = 0;
        Check(getCount(session.DangerousGetHandle(), &count));
        var names = new string[(int)count];
        for (var i = 0; i < names.Length; i++)
        {
            byte* name = null;
            Check(getName(session.DangerousGetHandle(), (nuint)i, allocator, &name));
            names[i] = Marshal.PtrToStringUTF8((nint)name) ?? "";
            Check(_allocatorFree(allocator, name));
        }
        return names;
    }

    /// <summary>Describes ordinary CPU memory, where the input tensors live.</summary>
    public OrtMemoryInfoHandle CreateCpuMemoryInfo()
    {
        var memoryInfo = new OrtMemoryInfoHandle(_releaseMemoryInfo);
        nint raw = 0;
        Check(_createCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &raw));
        memoryInfo.Own(raw);
        return memoryInfo;
    }

    /// <summary>
    /// A float32 tensor of shape [rows, columns] over <paramref name="data"/>, read in place, not copied: the data
    /// must stay pinned until the value is released.
    /// </summary>
    public OrtValueHandle CreateFloatTensor(OrtMemoryInfoHandle memoryInfo, float* data, int rows, int columns)
    {
        var value = new OrtValueHandle(_releaseValue);
        long* shape = stackalloc long[] { rows, columns };
        var bytes = (nuint)((long)rows * columns * sizeof(float));
        nint raw = 0;
        Check(_createTensorWithDataAsOrtValue(memoryInfo.DangerousGetHandle(), data, bytes, shape, 2, ElementTypeFloat, &raw));
        value.Own(raw);
        return value;
    }

    /// <summary>Runs the session on one named input and returns the one named output, which the caller owns.</summary>
    public OrtValueHandle Run(OrtSessionHandle session, string inputName, OrtValueHandle input, string outputName)
    {
        var output = new OrtValueHandle(_releaseValue);
        nint inputValue = input.DangerousGetHandle(), raw = 0;
        fixed (byte* inName = Utf8(inputName), outName = Utf8(outputName))
        {
            byte* inputNames = inName, outputNames = outName; // arrays of one name each
            Check(_run(session.DangerousGetHandle(), 0, &inputNames, &inputValue, 1, &outputNames, 1, &raw));
        }
        if (raw == 0)
            throw new InvalidOperationException($"ONNX Runtime returned no value for output '{outputName}'.");
        output.Own(raw);
        return output;
    }

    /// <summary>Copies a float32 tensor out into a managed array (row-major) and reads its shape.</summary>
    public (float[] Values, long[] Shape) ReadFloatTensor(OrtValueHandle value, string name)
    {
        nint info = 0;
        Check(_getTensorTypeAndShape(value.DangerousGetHandle(), &info));
        long[] shape;
        try
        {
            var type = 0;
            Check(_getTensorElementType(info, &type));
            if (type != ElementTypeFloat)
                throw new InvalidOperationException(
                    $"Output '{name}' holds ONNX element type {type}, not float32 ({ElementTypeFloat}).");
            nuint rank = 0;
            Check(_getDimensionsCount(info, &rank));
            shape = new long[(int)rank];
            fixed (long* dimensions = shape)
                Check(_getDimensions(info, dimensions, rank));
        }
        finally
        {
            _releaseTensorTypeAndShapeInfo(info);
        }
        var count = 1L;
        foreach (var dimension in shape)
            count = checked(count * dimension);
        void* data = null;
        Check(_getTensorMutableData(value.DangerousGetHandle(), &data));
        return (new ReadOnlySpan<float>(data, checked((int)count)).ToArray(), shape);
    }

    /// <summary>Turns a non-null OrtStatus into an exception, releasing the status first.</summary>
    private void Check(nint status)
    {
        if (status == 0)
            return;
        var code = (OrtErrorCode)_getErrorCode(status);
        var message = (Marshal.PtrToStringUTF8((nint)_getErrorMessage(status)) ?? "").TrimEnd(); // some end in a newline
        _releaseStatus(status);
        throw new OnnxRuntimeException(code, message);
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value + "\0");
}

// CA1419 asks SafeHandles for a parameterless constructor, which only the interop marshaller needs; these are
// created by OrtApi alone, with the Release function each one must call.
#pragma warning disable CA1419

/// <summary>Owns one native ONNX Runtime object and releases it with its Release function exactly once.</summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged[Cdecl]<nint, void> _release;

    protected OrtHandle(delegate* unmanaged[Cdecl]<nint, void> release) : base(0, ownsHandle: true) => _release = release;

    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// Takes ownership of what a Create function wrote. The handle object is allocated before that call, so
    /// nothing can fail between the native object's creation and its ownership here.
    /// </summary>
    internal void Own(nint value) => SetHandle(value);

    protected override bool ReleaseHandle()
    {
        _release(handle);
        return true;
    }
}

internal sealed unsafe class OrtEnvHandle(delegate* unmanaged[Cdecl]<nint, void> release) : OrtHandle(release)
{
}

internal sealed unsafe class OrtSessionOptionsHandle(delegate* unmanaged[Cdecl]<nint, void> release) : OrtHandle(release)
{
}

internal sealed unsafe class OrtMemoryInfoHandle(delegate* unmanaged[Cdecl]<nint, void> release) : OrtHandle(release)
{
}

internal sealed unsafe class OrtValueHandle(delegate* unmanaged[Cdecl]<nint, void> release) : OrtHandle(release)
{
}

/// <summary>A session, holding a reference on its env (taken in OrtApi.CreateSession) until it is released.</summary>
internal sealed unsafe class OrtSessionHandle(delegate* unmanaged[Cdecl]<nint, void> release, OrtEnvHandle env)
    : OrtHandle(release)
{
    protected override bool ReleaseHandle()
    {
        base.ReleaseHandle();
        env.DangerousRelease();
        return true;
    }
}

#pragma warning restore CA1419
