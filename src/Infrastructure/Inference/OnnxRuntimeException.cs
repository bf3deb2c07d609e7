namespace Faultline.Infrastructure.Inference;

/// <summary>OrtErrorCode of onnxruntime_c_api.h (1.30): the kind of failure an OrtStatus carries.</summary>
internal enum OrtErrorCode
{
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    EpFail = 11,
    ModelLoadCanceled = 12,
    ModelRequiresCompilation = 13,
    NotFound = 14,
}

/// <summary>A failure ONNX Runtime reported through an OrtStatus: its code, and its message as ONNX Runtime wrote it.</summary>
internal sealed class OnnxRuntimeException(OrtErrorCode code, string message) : Exception(message)
{
    public OrtErrorCode Code { get; } = code;
}
