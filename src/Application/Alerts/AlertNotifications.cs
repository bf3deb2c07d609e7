using Faultline.Application.Common.Interfaces;
using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Alerts;

/// <summary>Turns what happened to a rule into the message its channels send.</summary>
public sealed class AlertNotifications(IPublicLinks links)
{
    public AlertNotification Compose(AlertRule rule, string type, string? group, AlertState state, AlertState? previous, double? value,
        IReadOnlyList<double> trend, DateTimeOffset at, string? detail)
    {
        var metric = MetricCatalog.Find(rule.Query.Metric)!;
        return new AlertNotification(Guid.CreateVersion7(), type, rule.Id, rule.Name, EnumCode.Of(rule.Severity), group, EnumCode.Of(state),
            previous is { } p ? EnumCode.Of(p) : null, value, value is { } v ? AlertText.Value(metric.Unit, v, rule.Condition.Kind) : null,
            rule.Condition.Threshold, AlertText.Condition(metric.Unit, rule.Condition), metric.Title, trend, at,
            links.To($"/alerts/rules/{rule.Id}"), detail);
    }

    public AlertNotification Of(AlertRule rule, AlertNotice notice, DateTimeOffset at, string? error) =>
        Compose(rule, notice.Type, notice.Group, notice.State, notice.PreviousState, notice.Value, notice.Trend, at,
            notice.State == AlertState.Error ? error : null);
}
