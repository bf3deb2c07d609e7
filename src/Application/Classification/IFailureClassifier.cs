using System.Text.Json;
using Faultline.Application.Classification.Training;
using Faultline.Domain.Classification;

namespace Faultline.Application.Classification;

/// <summary>
/// The deployed models (port): runs a model's document classifier and line scorer over feature
/// rows made by <see cref="Features.LogFeaturizer"/>. Implementations load every model at start and
/// refuse one built for another featurizer version.
/// </summary>
public interface IFailureClassifier
{
    IReadOnlyList<ModelCard> Models { get; }

    /// <summary>What a tenant that never chose is served: the shipped default and its challenger, if any.</summary>
    ModelAssignment DefaultAssignment { get; }

    /// <summary>Where the models run: "cuda" or "cpu" (no reason or error text: it is shown to anyone who asks).</summary>
    string ExecutionProvider { get; }

    // The defaults below describe a classifier that serves only its deployed models and reads no weights.

    /// <summary>The card of a deployed model, or of a tenant's trained model while it is leased; null for any other version.</summary>
    ModelCard? Find(string version) => Models.FirstOrDefault(m => m.Version == version);

    /// <summary>The weights of a deployed linear model (what tenant models start from); null when the version is not one.</summary>
    LinearModel? LinearWeights(string version) => null;

    /// <summary>
    /// Serves a tenant's trained classifier (ONNX, the inputs and outputs of the shipped linear model) under its card's version
    /// until the lease is disposed; its lines are scored by the shipped default's line model. Throws when the card was made for
    /// another featurizer version.
    /// </summary>
    IDisposable Lease(ModelCard card, byte[] onnx) => throw new NotSupportedException("This classifier serves only its deployed models.");

    /// <summary>A lease on a trained classifier that is already served (opened by an earlier lease); null when it is not.</summary>
    IDisposable? TryLease(string version) => null;

    /// <summary>Class probabilities, <paramref name="rows"/> × the card's classes, row-major.</summary>
    float[] Classify(string modelVersion, ReadOnlySpan<float> documents, int rows);

    /// <summary>One score per line row: how likely the line explains the failure.</summary>
    float[] ScoreLines(string modelVersion, ReadOnlySpan<float> lines, int rows);
}

/// <summary>A model's card: what it is, what it was trained on and how well it did.</summary>
/// <param name="Classes">Category codes in the order of the model's probability outputs.</param>
/// <param name="Card">The whole card.json (metrics, data, limits), passed through to readers.</param>
/// <param name="Markdown">card.md, the same card for people.</param>
/// <param name="UncertainBelow">Confidence under which a prediction is uncertain, chosen on out-of-fold predictions (0: never).</param>
public sealed record ModelCard(
    string Version, string Algorithm, DateTimeOffset CreatedAt, string FeaturizerVersion, IReadOnlyList<string> Classes,
    JsonElement Card, string Markdown, float UncertainBelow = 0);
