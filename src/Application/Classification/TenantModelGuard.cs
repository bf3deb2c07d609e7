using System.Globalization;

namespace Faultline.Application.Classification;

/// <summary>
/// When a tenant's own model may serve it: made by this server's featurizer, compared with the model the tenant would
/// otherwise get, on enough labels in enough categories, and strictly more accurate out of fold than that model on the same jobs.
/// </summary>
public static class TenantModelGuard
{
    public const int MinimumLabels = 20;

    public const int MinimumClasses = 2;

    /// <summary>Why <paramref name="card"/> may not be activated; null when it may.</summary>
    /// <param name="shippedDefault">The shipped model the tenant gets without its own.</param>
    public static string? Refusal(TenantModelCard card, string shippedDefault)
    {
        if (card.Stale)
            return $"Model {card.Version} was made with featurizer {card.FeaturizerVersion}; this server featurizes with " +
                   $"{Features.LogFeaturizer.Version}. Retrain it on your labels.";
        if (card.ShippedModel != shippedDefault)
            return $"Model {card.Version} was compared with {card.ShippedModel}, but the shipped model is now {shippedDefault}. Retrain it to compare.";
        var classes = card.PerClass.Count(c => c.Value > 0);
        if (card.Labels < MinimumLabels || classes < MinimumClasses)
            return $"Model {card.Version} was trained on {card.Labels} labelled jobs in {classes} categories; at least {MinimumLabels} " +
                   $"in {MinimumClasses} categories are needed.";
        if (card.OutOfFoldAccuracy <= card.ShippedAccuracy)
            return $"Model {card.Version} is right on {Percent(card.OutOfFoldAccuracy)} of your {card.Labels} labelled jobs (out of fold), " +
                   $"the shipped model {card.ShippedModel} on {Percent(card.ShippedAccuracy)}: it must do better to be activated.";
        return null;
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
