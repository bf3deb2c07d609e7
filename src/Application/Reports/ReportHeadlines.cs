using System.Globalization;
using Faultline.Application.Analytics;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>One headline number of a report's summary, with its change against the previous period (null when there is nothing to compare).</summary>
public sealed record ReportHeadline(string Name, string Value, string? Change);

/// <summary>
/// The summary's headline numbers: the same cached metric queries the dashboards run, over the report's range and the
/// period before it, narrowed by the schedule's filters where a metric takes them.
/// </summary>
public sealed class ReportHeadlines(IMediator mediator)
{
    private static readonly MetricDefinition[] Metrics = [MetricCatalog.Jobs, MetricCatalog.Failures, MetricCatalog.FailureRate, MetricCatalog.DurationP95];

    public async Task<IReadOnlyList<ReportHeadline>> ForAsync(MetricFilters filters, (DateTimeOffset From, DateTimeOffset To) range,
        (DateTimeOffset From, DateTimeOffset To) previous, CancellationToken cancellationToken)
    {
        var headlines = new List<ReportHeadline>(Metrics.Length);
        foreach (var metric in Metrics)
        {
            var spec = new MetricSpec(metric.Code, Filters: filters.Restricted(metric.Filters));
            var now = await ValueAsync(spec, range, cancellationToken);
            var before = await ValueAsync(spec, previous, cancellationToken);
            headlines.Add(new ReportHeadline(metric.Title, now is { } value ? MetricValueText.Of(metric.Unit, value) : "no data", Change(metric.Unit, now, before)));
        }

        return headlines;
    }

    private async Task<double?> ValueAsync(MetricSpec spec, (DateTimeOffset From, DateTimeOffset To) range, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new QueryMetric(spec, range.From, range.To), cancellationToken);
        return result.Series is [{ Points: [{ Value: var value }, ..] }, ..] ? value : null;
    }

    /// <summary>Rates change by percentage points, everything else by percent of the previous value.</summary>
    private static string? Change(MetricUnit unit, double? now, double? before)
    {
        if (now is not { } current || before is not { } previous) return null;
        if (unit == MetricUnit.Ratio)
            return string.Create(CultureInfo.InvariantCulture, $"{(current - previous) * 100:+0.0;-0.0;±0.0} pp");
        return previous == 0 ? (current == 0 ? "±0%" : null) : string.Create(CultureInfo.InvariantCulture, $"{(current - previous) / previous:+0%;-0%;±0%}");
    }
}
