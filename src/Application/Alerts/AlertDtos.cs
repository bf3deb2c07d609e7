using Faultline.Domain;
using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Application.Alerts;

public sealed record ConditionDto(
    [property: EnumCodes<ConditionKind>] string Kind, double Threshold, double? Upper, double? RecoveryThreshold)
{
    public static ConditionDto From(AlertCondition condition) =>
        new(EnumCode.Of(condition.Kind), condition.Threshold, condition.Upper, condition.RecoveryThreshold);
}

public sealed record AlertGroupDto(
    string? Group, [property: EnumCodes<AlertState>] string State, DateTimeOffset Since, double? Value, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy, DateTimeOffset? LastNotifiedAt, IReadOnlyList<double> RecentValues);

public sealed record AlertRuleDto(
    Guid Id, string Name, string? Description, bool Enabled, MetricSpec Query, ConditionDto Condition, int WindowMinutes, int ForMinutes,
    [property: EnumCodes<AlertSeverity>] string Severity, [property: EnumCodes<NoDataHandling>] string NoDataState,
    [property: EnumCodes<ErrorHandling>] string ErrorState, int? RenotifyMinutes, IReadOnlyList<Guid> ChannelIds, DateTimeOffset? MutedUntil,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, [property: EnumCodes<AlertState>] string State, DateTimeOffset? LastEvaluatedAt,
    IReadOnlyList<AlertGroupDto> Groups)
{
    public static AlertRuleDto From(AlertRuleStatus status)
    {
        var rule = status.Rule;
        var worst = status.States.Count == 0 ? AlertState.Ok : status.States.Max(s => s.State);
        return new AlertRuleDto(rule.Id, rule.Name, rule.Description, rule.Enabled, rule.Query, ConditionDto.From(rule.Condition), rule.WindowMinutes,
            rule.ForMinutes, EnumCode.Of(rule.Severity), EnumCode.Of(rule.NoData), EnumCode.Of(rule.OnError), rule.RenotifyMinutes, rule.ChannelIds,
            rule.MutedUntil, rule.CreatedAt, rule.UpdatedAt, EnumCode.Of(worst), status.LastEvaluatedAt,
            status.States.OrderByDescending(s => s.State).ThenBy(s => s.Group)
                .Select(s => new AlertGroupDto(s.Group, EnumCode.Of(s.State), s.Since, s.Value, s.AcknowledgedAt, s.AcknowledgedBy, s.LastNotifiedAt,
                    s.RecentValues)).ToList());
    }
}

public sealed record AlertChannelDto(
    Guid Id, string Name, [property: EnumCodes<ChannelKind>] string Kind, string Target, DateTimeOffset CreatedAt, ChannelHealth Health)
{
    public static AlertChannelDto From(AlertChannel channel, ChannelHealth? health) =>
        new(channel.Id, channel.Name, EnumCode.Of(channel.Kind), channel.Target, channel.CreatedAt, health ?? new ChannelHealth(null, null, null, 0, 0));
}

/// <summary>A created channel; a webhook's signing secret is shown this once.</summary>
public sealed record CreatedAlertChannelDto(
    Guid Id, string Name, [property: EnumCodes<ChannelKind>] string Kind, string Target, DateTimeOffset CreatedAt, ChannelHealth Health,
    string? SigningSecret);

public sealed record TestDeliveryDto(
    Guid ChannelId, string ChannelName, [property: EnumCodes<ChannelKind>] string Kind, bool Ok, int? Status, string? Error, long DurationMs);

public sealed record TestResultDto(IReadOnlyList<TestDeliveryDto> Deliveries);

public sealed record AlertHistoryPage(IReadOnlyList<AlertHistoryEntry> Items, string? NextCursor);
