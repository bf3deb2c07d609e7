using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Features;
using Faultline.Infrastructure.Inference;
using Faultline.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Infrastructure.Tests.Inference;

/// <summary>The shipped models through ONNX Runtime, and the deployments the server must refuse.</summary>
public sealed class OnnxFailureClassifierTests
{
    private static OnnxFailureClassifier Open(string models, string executionProvider = "auto") =>
        new(new ClassificationOptions { ModelsPath = models, ExecutionProvider = executionProvider }, NullLogger<OnnxFailureClassifier>.Instance);


    [Fact]
    public void The_shipped_models_give_the_probabilities_training_recorded()
    {
        using var classifier = Open(TestStack.Models);
        var results = ModelReferenceCheck.Run(classifier, TestStack.Models, TestStack.CiFailures);

        Assert.True(results.Count >= 2);
        Assert.All(results, result =>
        {
            Assert.True(result.Compared >= 100, $"{result.Model}: only {result.Compared} values compared");
            Assert.True(result.Mismatches.Count == 0, string.Join("\n", result.Mismatches));
            Assert.True(result.LargestDifference <= 1e-5);
        });
    }

    [Fact]
    public void A_batch_gives_each_log_what_it_gets_alone()
    {
        using var classifier = Open(TestStack.Models);
        var analyzer = new FailureAnalyzer(classifier);
        var logs = new[] { "error CS1002: ; expected\nBuild FAILED.", "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd", "" }
            .Select(l => new LogToAnalyze(l)).ToList();
        var model = classifier.DefaultAssignment.Active;

        var together = analyzer.Analyze(model, logs);
        for (var i = 0; i < logs.Count; i++)
        {
            var alone = analyzer.Analyze(model, [logs[i]])[0];
            Assert.Equal(alone.Category, together[i].Category);
            Assert.All(alone.Probabilities, p => Assert.Equal(p.Value, together[i].Probabilities[p.Key], 5));
        }
    }

    [Fact]
    public void A_model_built_for_another_featurizer_is_refused_at_start_naming_both_versions()
    {
        var models = CopyOfModels();
        var card = Path.Combine(models, "fl-2026.11-lr", "card.json");
        var json = JsonNode.Parse(File.ReadAllText(card))!;
        json["featurizerVersion"] = "fl-feat-0";
        File.WriteAllText(card, json.ToJsonString());

        var refused = Assert.Throws<ModelDeploymentException>(() => Open(models));
        Assert.Contains("fl-feat-0", refused.Message, StringComparison.Ordinal);
        Assert.Contains(LogFeaturizer.Version, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_model_file_is_refused_at_start()
    {
        var models = CopyOfModels();
        var file = Path.Combine(models, "fl-2026.11-lr", "classifier.onnx");
        var bytes = File.ReadAllBytes(file);
        Array.Fill(bytes, (byte)0x5A, bytes.Length / 3, 4096);
        File.WriteAllBytes(file, bytes);
        Assert.Contains("SHA-256", Assert.Throws<ModelDeploymentException>(() => Open(models)).Message, StringComparison.Ordinal);

        // Even when its card is made to match, ONNX Runtime's own refusal comes through.
        File.WriteAllBytes(file, [.. "not a model"u8]);
        var card = Path.Combine(models, "fl-2026.11-lr", "card.json");
        var json = JsonNode.Parse(File.ReadAllText(card))!;
        json["sha256"]!["classifier.onnx"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        File.WriteAllText(card, json.ToJsonString());
        Assert.Contains("ONNX Runtime cannot load", Assert.Throws<ModelDeploymentException>(() => Open(models)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_in_use_is_reported_and_cpu_can_be_asked_for()
    {
        using var cpu = Open(TestStack.Models, "CPU");
        using var auto = Open(TestStack.Models);

        Assert.Equal("cpu", cpu.ExecutionProvider);
        Assert.Contains(auto.ExecutionProvider, TestStack.ExecutionProviders);
    }

    [Fact]
    public void Auto_without_cuda_runs_on_the_cpu_and_logs_why()
    {
        if (TestStack.ExecutionProviders.Contains("cuda")) return; // with a GPU, CUDA may well be there
        var logger = new WarningLog();

        using var classifier = new OnnxFailureClassifier(new ClassificationOptions { ModelsPath = TestStack.Models }, logger);

        Assert.Equal("cpu", classifier.ExecutionProvider);
        var warning = Assert.Single(logger.Warnings);
        const string Why = "Classification runs on the CPU: the CUDA execution provider is unavailable (";
        Assert.StartsWith(Why, warning, StringComparison.Ordinal);
        Assert.True(warning.Length > Why.Length + 1, "ONNX Runtime's reason is missing");
    }

    [Fact]
    public void Asking_for_cuda_where_it_cannot_run_is_refused_at_start_with_the_reason()
    {
        if (TestStack.ExecutionProviders.Contains("cuda")) return; // with a GPU, CUDA may well be there

        var refused = Assert.Throws<ModelDeploymentException>(() => Open(TestStack.Models, "cuda"));

        Assert.Contains("asks for CUDA", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_execution_provider_is_refused_naming_the_choices()
    {
        var refused = Assert.Throws<ModelDeploymentException>(() => Open(TestStack.Models, "tpu"));

        Assert.Contains("\"auto\", \"cuda\" or \"cpu\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_models_folder_without_its_index_is_refused()
    {
        var empty = Directory.CreateTempSubdirectory("faultline-models-").FullName;
        Assert.Contains("models.json", Assert.Throws<ModelDeploymentException>(() => Open(empty)).Message, StringComparison.Ordinal);
    }

    private static string CopyOfModels()
    {
        var target = Directory.CreateTempSubdirectory("faultline-models-").FullName;
        foreach (var file in Directory.GetFiles(TestStack.Models, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(TestStack.Models, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>The warnings logged, formatted.</summary>
    private sealed class WarningLog : ILogger<OnnxFailureClassifier>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
