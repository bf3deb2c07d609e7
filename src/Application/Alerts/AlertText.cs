using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Alerts;

/// <summary>Values and conditions as people read them in a notification: "31%", "42m", "$12.50".</summary>
public static class AlertText
{
    public static string Value(MetricUnit unit, double value, ConditionKind kind)
    {
        if (kind == ConditionKind.PercentChange) return string.Create(CultureInfo.InvariantCulture, $"{value:+0.#;-0.#;0}%");
        return MetricValueText.Of(unit, value);
    }

    public static string Condition(MetricUnit unit, AlertCondition condition) => condition.Kind switch
    {
        ConditionKind.Above => "> " + Value(unit, condition.Threshold, condition.Kind),
        ConditionKind.Below => "< " + Value(unit, condition.Threshold, condition.Kind),
        ConditionKind.Outside => $"outside {Value(unit, condition.Threshold, condition.Kind)} – {Value(unit, condition.Upper!.Value, condition.Kind)}",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{(condition.Threshold > 0 ? "rise" : "drop")} of {Math.Abs(condition.Threshold):0.#}% or more vs the window before"),
    };

    /// <summary>Recent values as a small bar chart of block characters, scaled between their lowest and highest.</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        const string bars = "▁▂▃▄▅▆▇█";
        if (values.Count == 0) return "";
        var (low, high) = (values.Min(), values.Max());
        return string.Concat(values.Select(v => bars[high == low ? 3 : (int)Math.Round((v - low) / (high - low) * (bars.Length - 1))]));
    }
}
