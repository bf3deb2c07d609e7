using System.Security.Cryptography;
using System.Text.Json;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Application.Classification.Training;
using Faultline.Domain;
using Faultline.Domain.Classification;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Faultline.Infrastructure.Inference;

/// <summary>
/// The deployed models, run by ONNX Runtime. Everything is checked once at start — every card, its featurizer version,
/// the files' SHA-256, the execution provider and that ONNX Runtime accepts each model — so a bad deployment stops the
/// server with a clear message instead of failing on the first prediction. Sessions are shared: ONNX Runtime runs one
/// session from many threads.
/// </summary>
public sealed class OnnxFailureClassifier : IFailureClassifier, IDisposable
{
    /// <summary>Tenants' trained classifiers kept open when no request uses them (each is a few hundred kilobytes).</summary>
    public const int OpenTrainedModels = 64;

    private readonly Dictionary<string, LoadedModel> _models = new(StringComparer.Ordinal);
    private readonly TrainedClassifiers _trained;

    public OnnxFailureClassifier(ClassificationOptions options, ILogger<OnnxFailureClassifier> logger)
    {
        _trained = new TrainedClassifiers(OpenTrainedModels, bytes =>
        {
            using var sessionOptions = InferenceProviders.Options(ExecutionProvider, options);
            return new OnnxModel(bytes, sessionOptions);
        });
        try
        {
            var index = ReadIndex(options.ModelsPath);
            var candidates = InferenceProviders.Candidates(options.ExecutionProvider);
            foreach (var provider in candidates)
            {
                try
                {
                    Load(options, provider);
                    ExecutionProvider = provider;
                    break;
                }
                catch (Exception exception) when (provider == InferenceProviders.Cuda && CudaProblem(exception) is { } problem)
                {
                    Dispose();
                    _models.Clear();
                    if (candidates.Count == 1)
                        throw new ModelDeploymentException(
                            $"Faultline:Classification:ExecutionProvider asks for CUDA, but ONNX Runtime cannot use it here: {problem}", exception);
                    logger.LogWarning("Classification runs on the CPU: the CUDA execution provider is unavailable ({Reason})", problem);
                }
            }

            DefaultAssignment = new ModelAssignment(Deployed(index.Default, "default"),
                index.Challenger is null ? null : Deployed(index.Challenger, "challenger"), 0);
            logger.LogInformation("Classification models {Models} loaded (ONNX Runtime {Version} on {Provider}, default {Default})",
                string.Join(", ", _models.Keys), OrtEnv.Instance().GetVersionString(), ExecutionProvider, DefaultAssignment.Active);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>"cuda" or "cpu": where every deployed model runs.</summary>
    public string ExecutionProvider { get; } = InferenceProviders.Cpu;

    public IReadOnlyList<ModelCard> Models => [.. _models.Values.Select(m => m.Card)];

    public ModelAssignment DefaultAssignment { get; }

    public ModelCard? Find(string version) => _models.TryGetValue(version, out var model) ? model.Card : _trained.Find(version)?.Card;

    public LinearModel? LinearWeights(string version) => _models.GetValueOrDefault(version)?.Linear;

    public IDisposable Lease(ModelCard card, byte[] onnx)
    {
        if (card.FeaturizerVersion != LogFeaturizer.Version)
            throw new InvalidOperationException($"Model {card.Version} was made with featurizer {card.FeaturizerVersion}, not {LogFeaturizer.Version}.");
        if (_models.ContainsKey(card.Version)) throw new InvalidOperationException($"Model {card.Version} is a shipped model's version.");
        return _trained.Lease(card, onnx);
    }

    public IDisposable? TryLease(string version) => _trained.TryLease(version);

    public float[] Classify(string modelVersion, ReadOnlySpan<float> documents, int rows)
    {
        var (card, classifier, input, output) = _models.TryGetValue(modelVersion, out var model)
            ? (model.Card, model.Classifier, model.InputName, model.OutputName)
            : _trained.Find(modelVersion) is { } trained
                ? (trained.Card, trained.Model, OnnxLinearModels.Input, OnnxLinearModels.Output)
                : throw new InvalidOperationException($"Model {modelVersion} is not deployed.");
        var (values, shape) = classifier.Run(input, documents, rows, LogFeaturizer.DocumentDimension, output);
        Expect(shape, rows, card.Classes.Count, modelVersion);
        return values;
    }

    /// <summary>A tenant's trained model learns only the category: its lines are scored by the shipped default's line model.</summary>
    public float[] ScoreLines(string modelVersion, ReadOnlySpan<float> lines, int rows)
    {
        var model = _models.GetValueOrDefault(modelVersion)
            ?? (_trained.Find(modelVersion) is null ? Model(modelVersion) : Model(DefaultAssignment.Active));
        var (values, shape) = model.Lines.Run(model.LineInputName, lines, rows, LogFeaturizer.LineDimension, model.LineOutputName);
        Expect(shape, rows, 1, modelVersion);
        return values;
    }

    public void Dispose()
    {
        foreach (var model in _models.Values) model.Dispose();
        _trained.Dispose();
    }

    private void Load(ClassificationOptions options, string provider)
    {
        // The sessions keep what they need of the options.
        using var sessionOptions = OpenSessionOptions(options, provider);
        foreach (var directory in Directory.GetDirectories(options.ModelsPath).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(directory, "card.json"))) continue;
            var model = LoadedModel.Open(directory, sessionOptions);
            _models.Add(model.Card.Version, model);
        }
    }

    private static SessionOptions OpenSessionOptions(ClassificationOptions options, string provider)
    {
        try
        {
            return InferenceProviders.Options(provider, options);
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException)
        {
            throw new ModelDeploymentException(
                "ONNX Runtime's native library cannot be loaded (libonnxruntime.so from the Microsoft.ML.OnnxRuntime.Gpu package " +
                "belongs in the application's folder or its runtimes/linux-x64/native): " + exception.Message, exception);
        }
    }

    /// <summary>
    /// ONNX Runtime's reason when CUDA cannot be used — its provider library, CUDA, cuDNN or a device is missing — whether
    /// it failed while the provider was added or while a model was opened on it; null for any other failure.
    /// </summary>
    private static string? CudaProblem(Exception exception) => exception switch
    {
        OnnxRuntimeException runtime => runtime.Message,
        ModelDeploymentException { InnerException: OnnxRuntimeException runtime } => runtime.Message,
        _ => null,
    };

    private LoadedModel Model(string version) =>
        _models.TryGetValue(version, out var model) ? model : throw new InvalidOperationException($"Model {version} is not deployed.");

    private string Deployed(string version, string role) => _models.ContainsKey(version)
        ? version
        : throw new ModelDeploymentException($"models.json names {version} as the {role} model, but no folder with that card.json is deployed.");

    private static void Expect(long[] shape, int rows, int columns, string version)
    {
        if (shape is not [var r, var c] || r != rows || c != columns)
            throw new InvalidOperationException($"Model {version} answered shape [{string.Join(", ", shape)}], expected [{rows}, {columns}].");
    }

    private static (string Default, string? Challenger) ReadIndex(string modelsPath)
    {
        var path = Path.Combine(modelsPath, "models.json");
        if (!File.Exists(path))
            throw new ModelDeploymentException($"No models.json in {Path.GetFullPath(modelsPath)}: set Faultline:Classification:ModelsPath to the models folder.");
        using var index = JsonDocument.Parse(File.ReadAllBytes(path));
        var challenger = index.RootElement.TryGetProperty("challenger", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return (index.RootElement.GetProperty("default").GetString()!, challenger);
    }

    /// <summary>One model version: its card and its two sessions.</summary>
    private sealed class LoadedModel : IDisposable
    {
        private LoadedModel(ModelCard card, JsonElement root)
        {
            Card = card;
            InputName = root.GetProperty("inputName").GetString()!;
            OutputName = root.GetProperty("outputName").GetString()!;
            LineInputName = root.GetProperty("lineModel").GetProperty("inputName").GetString()!;
            LineOutputName = root.GetProperty("lineModel").GetProperty("outputName").GetString()!;
        }

        public ModelCard Card { get; }

        public OnnxModel Classifier { get; private set; } = null!;

        public OnnxModel Lines { get; private set; } = null!;

        public string InputName { get; }

        public string OutputName { get; }

        public string LineInputName { get; }

        public string LineOutputName { get; }

        /// <summary>The weights of a linear classifier; null for other algorithms.</summary>
        public LinearModel? Linear { get; private set; }

        public static LoadedModel Open(string directory, SessionOptions options)
        {
            var root = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "card.json"))).RootElement.Clone();
            var version = root.GetProperty("version").GetString()!;
            var featurizer = root.GetProperty("featurizerVersion").GetString();
            if (featurizer != LogFeaturizer.Version)
                throw new ModelDeploymentException(
                    $"Model {version} was built for featurizer {featurizer}; this server featurizes with {LogFeaturizer.Version}. " +
                    "Retrain it (make train) or deploy a server that matches.");
            var classes = root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList();
            var unknown = classes.Except(EnumCode.All<FailureCategory>()).ToList();
            if (unknown.Count > 0 || classes.Count != classes.Distinct().Count())
                throw new ModelDeploymentException($"Model {version} predicts classes outside the taxonomy or twice: {string.Join(", ", classes)}.");
            if (root.GetProperty("documentDimension").GetInt32() != LogFeaturizer.DocumentDimension
                || root.GetProperty("lineDimension").GetInt32() != LogFeaturizer.LineDimension)
                throw new ModelDeploymentException($"Model {version} expects other feature dimensions than featurizer {LogFeaturizer.Version} makes.");

            var uncertainBelow = root.TryGetProperty("uncertainty", out var uncertainty) ? uncertainty.GetProperty("threshold").GetSingle() : 0;
            var card = new ModelCard(version, root.GetProperty("algorithm").GetString()!, root.GetProperty("createdAt").GetDateTimeOffset(),
                featurizer, classes, root, File.ReadAllText(Path.Combine(directory, "card.md")), uncertainBelow);
            var model = new LoadedModel(card, root);
            try
            {
                var classifier = Verified(directory, "classifier.onnx", root, version);
                model.Classifier = Session(classifier, "classifier.onnx", options, version);
                model.Linear = card.Algorithm == "lr" ? OnnxLinearModels.Read(classifier, classes) : null;
                var lines = root.GetProperty("lineModel").GetProperty("file").GetString()!;
                model.Lines = Session(Verified(directory, lines, root, version), lines, options, version);
                return model;
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        private static byte[] Verified(string directory, string file, JsonElement root, string version)
        {
            var bytes = File.ReadAllBytes(Path.Combine(directory, file));
            var expected = root.GetProperty("sha256").GetProperty(file).GetString();
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), expected, StringComparison.Ordinal))
                throw new ModelDeploymentException($"Model {version}: {file} does not match the SHA-256 its card records (corrupt or replaced).");
            return bytes;
        }

        private static OnnxModel Session(byte[] bytes, string file, SessionOptions options, string version)
        {
            try
            {
                return new OnnxModel(bytes, options);
            }
            catch (OnnxRuntimeException exception)
            {
                throw new ModelDeploymentException($"Model {version}: ONNX Runtime cannot load {file}: {exception.Message}", exception);
            }
        }

        public void Dispose()
        {
            Classifier?.Dispose();
            Lines?.Dispose();
        }
    }
}

/// <summary>The deployed models cannot be served; the message says what to fix.</summary>
public sealed class ModelDeploymentException(string message, Exception? inner = null) : Exception(message, inner);
