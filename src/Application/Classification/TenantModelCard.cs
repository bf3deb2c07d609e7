using Faultline.Application.Classification.Features;

namespace Faultline.Application.Classification;

/// <summary>
/// A model a tenant trained on its own labelled jobs, and how it did: fixed when it was trained. Both accuracies are on the
/// same labelled jobs: the candidate's out of fold (k-fold cross-validation: no job is scored by a model trained on it), the
/// shipped model's as it serves them.
/// </summary>
/// <param name="Version">"tenant-" with the training date and the start of the ONNX model's SHA-256: unique to its content.</param>
/// <param name="Classes">Category codes in the order of the model's probability outputs (those of its prior).</param>
/// <param name="PriorModel">The shipped linear model it started from and is held toward; null when none was deployed (trained from zero).</param>
/// <param name="PriorStrength">How strongly the weights are held to the prior (see <see cref="Training.SoftmaxRegression"/>).</param>
/// <param name="Labels">The labelled jobs it was trained and evaluated on (the newest, at most the request's maxLabels).</param>
/// <param name="PerClass">Those jobs per category.</param>
/// <param name="Skipped">Labelled jobs left out: labelled with a category the model has no output for, or their log removed meanwhile.</param>
/// <param name="UncertainBelow">Confidence under which its predictions are shown as uncertain: its prior's calibrated threshold.</param>
public sealed record TenantModelCard(
    string Version, DateTimeOffset CreatedAt, string CreatedBy, string FeaturizerVersion, IReadOnlyList<string> Classes, string? PriorModel,
    double PriorStrength, int Labels, IReadOnlyDictionary<string, int> PerClass, int Skipped, int Folds, double OutOfFoldAccuracy,
    string ShippedModel, double ShippedAccuracy, float UncertainBelow, long TrainingMilliseconds)
{
    /// <summary>Made by another featurizer than this server's: never served; retrain it.</summary>
    public bool Stale => FeaturizerVersion != LogFeaturizer.Version;
}

/// <summary>A tenant model's card, whether it serves the tenant, and whether it may (the guard's verdict).</summary>
/// <param name="Refusal">Why it may not be activated (null when it may), naming the figures.</param>
public sealed record TenantModelDto(TenantModelCard Card, bool Active, bool Stale, bool CanActivate, string? Refusal);

/// <summary>The tenant's trained models (newest first) and the labels there are to train on.</summary>
/// <param name="Labelled">Labelled jobs that still have their log, per category: what training would read.</param>
/// <param name="MinimumLabels">Labels a model needs before it may be activated (in at least <see cref="MinimumClasses"/> categories).</param>
/// <param name="MaxLabels">The most labels one training reads (the newest).</param>
public sealed record TenantModelList(
    IReadOnlyList<TenantModelDto> Items, IReadOnlyDictionary<string, int> Labelled, int MinimumLabels, int MinimumClasses, int MaxLabels);
