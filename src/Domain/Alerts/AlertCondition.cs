namespace Faultline.Domain.Alerts;

public enum ConditionKind
{
    Above,
    Below,
    Outside,
    PercentChange,
}

/// <summary>
/// When a value breaches: above or below a threshold, outside [threshold, upper], or changed by at
/// least threshold percent against the window before (a negative threshold watches drops).
/// A firing alert resolves only once the value is back past the recovery threshold (hysteresis),
/// so a value hovering at the threshold does not notify on every evaluation.
/// </summary>
public sealed record AlertCondition(ConditionKind Kind, double Threshold, double? Upper = null, double? RecoveryThreshold = null)
{
    /// <summary>Whether <paramref name="value"/> (for percent change: the change in percent) breaches, given whether the alert fires now.</summary>
    public bool Breached(double value, bool firing)
    {
        var recovery = firing ? RecoveryThreshold : null;
        return Kind switch
        {
            ConditionKind.Above => value > (recovery ?? Threshold),
            ConditionKind.Below => value < (recovery ?? Threshold),
            ConditionKind.Outside => firing && recovery is { } margin
                ? value < Threshold + margin || value > Upper!.Value - margin
                : value < Threshold || value > Upper!.Value,
            ConditionKind.PercentChange => Threshold > 0 ? value >= (recovery ?? Threshold) : value <= (recovery ?? Threshold),
            _ => throw new InvalidOperationException($"Unknown condition kind {Kind}."),
        };
    }

    /// <summary>The change of <paramref name="current"/> against <paramref name="previous"/> in percent; null without a base to compare with.</summary>
    public static double? PercentChangeOf(double current, double previous) =>
        previous == 0 ? (current == 0 ? 0 : null) : (current - previous) / Math.Abs(previous) * 100;

    /// <summary>Why the condition's numbers cannot work together, or null when they can.</summary>
    public string? Problem()
    {
        if (!double.IsFinite(Threshold)) return "The threshold must be a finite number.";
        if (Upper is { } upper && !double.IsFinite(upper)) return "The upper bound must be a finite number.";
        if (RecoveryThreshold is { } recovery && !double.IsFinite(recovery)) return "The recovery threshold must be a finite number.";
        return Kind switch
        {
            ConditionKind.Outside when Upper is null => "'outside' needs an upper bound.",
            ConditionKind.Outside when Upper <= Threshold => "The upper bound must be above the threshold.",
            ConditionKind.Outside when RecoveryThreshold is { } margin && (margin < 0 || 2 * margin >= Upper - Threshold) =>
                "For 'outside', the recovery threshold is a margin inside the range: at least 0 and less than half its width.",
            not ConditionKind.Outside when Upper is not null => "Only 'outside' takes an upper bound.",
            ConditionKind.Above when RecoveryThreshold > Threshold => "For 'above', the recovery threshold must be at or below the threshold.",
            ConditionKind.Below when RecoveryThreshold < Threshold => "For 'below', the recovery threshold must be at or above the threshold.",
            ConditionKind.PercentChange when Threshold == 0 => "A percent change threshold must not be 0: positive watches rises, negative drops.",
            ConditionKind.PercentChange when RecoveryThreshold is { } r && (Threshold > 0 ? r > Threshold : r < Threshold) =>
                "The recovery threshold must be between 0 and the threshold's side of it.",
            _ => null,
        };
    }
}
