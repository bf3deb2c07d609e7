using Faultline.Application.Analytics;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Alerts;

public sealed record PreviewReading(string? Group, double? Value, bool Breaching);

public sealed record PreviewHistory(
    [property: EnumCodes<TimeBucket>] string Bucket, IReadOnlyList<MetricSeries> Series);

/// <summary>Threshold and upper are null for percent change: the chart shows the metric, the condition is about its change.</summary>
public sealed record AlertPreview(
    [property: EnumCodes<MetricUnit>] string Unit, IReadOnlyList<PreviewReading> Current, PreviewHistory? History, double? Threshold, double? Upper);

/// <summary>What a draft rule would see now, and its metric over recent time, for a chart with the threshold line.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record PreviewAlertRule(AlertRuleInput Rule) : IRequest<AlertPreview>;

public sealed class PreviewAlertRuleValidator : AbstractValidator<PreviewAlertRule>
{
    public PreviewAlertRuleValidator() => RuleFor(r => r.Rule).NotNull().SetValidator(new AlertRuleInputValidator()).OverridePropertyName("");
}

public sealed class PreviewAlertRuleHandler(AlertMetricReader reader, IMetricStore metrics, TimeProvider clock)
    : IRequestHandler<PreviewAlertRule, AlertPreview>
{
    private const int HourlyHistoryUpToMinutes = 6 * 60;

    public async Task<AlertPreview> Handle(PreviewAlertRule request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rule = request.Rule.ToRule(Guid.Empty, now, now, null);
        var metric = MetricCatalog.Find(rule.Query.Metric)!;
        var current = (await reader.ReadAsync(rule, now, cancellationToken))
            .Select(r => new PreviewReading(r.Group, r.Value, r.Value is { } v && rule.Condition.Breached(v, firing: false))).ToList();

        PreviewHistory? history = null;
        if (metric.Bucketed)
        {
            var bucket = rule.WindowMinutes <= HourlyHistoryUpToMinutes ? TimeBucket.Hour : TimeBucket.Day;
            var span = bucket == TimeBucket.Hour ? TimeSpan.FromHours(24) : TimeSpan.FromDays(14);
            var result = await metrics.ComputeAsync(MetricQuery.Of(rule.Query with { Bucket = EnumCode.Of(bucket) }, now - span, now), cancellationToken);
            history = new PreviewHistory(EnumCode.Of(bucket), result.Series);
        }

        var percent = rule.Condition.Kind == ConditionKind.PercentChange;
        return new AlertPreview(EnumCode.Of(metric.Unit), current, history, percent ? null : rule.Condition.Threshold, percent ? null : rule.Condition.Upper);
    }
}
