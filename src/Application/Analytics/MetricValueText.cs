using System.Globalization;
using Faultline.Application.Common;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Analytics;

/// <summary>A metric's value as people read it in a notification or a report: "31%", "42m", "$12.50", "7".</summary>
public static class MetricValueText
{
    public static string Of(MetricUnit unit, double value) => unit switch
    {
        MetricUnit.Ratio => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#}%"),
        MetricUnit.Usd => string.Create(CultureInfo.InvariantCulture, $"${value:0.00}"),
        MetricUnit.Ms => DurationText.Of(value),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
