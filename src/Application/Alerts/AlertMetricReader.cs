using Faultline.Application.Analytics;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Alerts;

/// <summary>A rule's value per group over the window ending at a given time (for percent change: against the window before).</summary>
public sealed class AlertMetricReader(IMetricStore metrics)
{
    public async Task<IReadOnlyList<GroupReading>> ReadAsync(AlertRule rule, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var current = await ValuesAsync(rule.Query, at - rule.Window, at, cancellationToken);
        if (rule.Condition.Kind != ConditionKind.PercentChange) return current;

        var previous = (await ValuesAsync(rule.Query, at - 2 * rule.Window, at - rule.Window, cancellationToken))
            .ToDictionary(r => r.Group ?? "", r => r.Value);
        return current.Select(r => new GroupReading(r.Group,
            r.Value is { } now && previous.GetValueOrDefault(r.Group ?? "") is { } before ? AlertCondition.PercentChangeOf(now, before) : null)).ToList();
    }

    private async Task<List<GroupReading>> ValuesAsync(MetricSpec spec, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = await metrics.ComputeAsync(MetricQuery.Between(spec, from, to), cancellationToken);
        return result.Series.Select(s => new GroupReading(s.Group, s.Points.Count > 0 ? s.Points[0].Value : null)).ToList();
    }
}
