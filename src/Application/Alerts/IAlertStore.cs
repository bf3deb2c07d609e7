using System.ComponentModel.DataAnnotations;
using Faultline.Domain;
using Faultline.Domain.Alerts;

namespace Faultline.Application.Alerts;

/// <summary>One entry of the alert history: a state change, a delivery attempt, a mute, an acknowledgement or a test.</summary>
public sealed record AlertHistoryEntry(
    long Id, DateTimeOffset At, [property: AllowedValues("state", "delivery", "mute", "acknowledge", "test")] string Kind, Guid? RuleId,
    string? RuleName, string? Group, [property: EnumCodes<AlertState>] string? FromState, [property: EnumCodes<AlertState>] string? ToState,
    double? Value, double? Threshold, Guid? ChannelId, string? ChannelName, int? Attempt,
    [property: AllowedValues("sent", "retrying", "gave_up")] string? Outcome, string? Detail, string? Actor);

public sealed record AlertHistoryFilter(
    Guid? RuleId, Guid? ChannelId, string? Kind, string? State, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Limit);

/// <summary>How a channel's deliveries have gone lately.</summary>
public sealed record ChannelHealth(DateTimeOffset? LastAttemptAt, bool? LastOk, string? LastError, int FailedLast24h, int Pending);

/// <summary>A rule with its current states and when it was last evaluated.</summary>
public sealed record AlertRuleStatus(AlertRule Rule, IReadOnlyList<AlertGroupState> States, DateTimeOffset? LastEvaluatedAt);

/// <summary>The current tenant's alert rules, channels and history.</summary>
public interface IAlertStore
{
    Task<IReadOnlyList<AlertRuleStatus>> ListRulesAsync(CancellationToken cancellationToken);

    Task<AlertRuleStatus?> FindRuleAsync(Guid id, CancellationToken cancellationToken);

    Task AddRuleAsync(AlertRule rule, CancellationToken cancellationToken);

    /// <summary>Replaces the definition; <paramref name="resetStates"/> forgets every group's state in the same transaction.</summary>
    Task UpdateRuleAsync(AlertRule rule, bool resetStates, CancellationToken cancellationToken);

    Task DeleteRuleAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Sets or clears the mute and records it in the history, together.</summary>
    Task MuteAsync(Guid ruleId, DateTimeOffset? until, AlertHistoryEntry entry, CancellationToken cancellationToken);

    /// <summary>Marks the firing groups (all, or one) acknowledged; answers the groups it changed, each recorded in the history.</summary>
    Task<IReadOnlyList<string?>> AcknowledgeAsync(Guid ruleId, string? group, bool allGroups, string actor, DateTimeOffset at,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertChannel>> ListChannelsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, ChannelHealth>> ChannelHealthAsync(DateTimeOffset at, CancellationToken cancellationToken);

    Task AddChannelAsync(AlertChannel channel, CancellationToken cancellationToken);

    /// <summary>Deletes a channel, takes it off every rule and drops its undelivered notifications.</summary>
    Task<bool> DeleteChannelAsync(Guid id, CancellationToken cancellationToken);

    Task AppendHistoryAsync(IReadOnlyList<AlertHistoryEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertHistoryEntry>> HistoryAsync(AlertHistoryFilter filter, CancellationToken cancellationToken);
}

/// <summary>
/// A rule locked for one evaluation: no other instance evaluates it meanwhile, and one already
/// evaluated for this instant (or later) is not handed out again.
/// </summary>
public interface IAlertEvaluationLease : IAsyncDisposable
{
    AlertRule Rule { get; }

    IReadOnlyList<AlertGroupState> States { get; }

    /// <summary>Stores the new states, the history and the notifications to send, in one transaction.</summary>
    Task CommitAsync(AlertEvaluation evaluation, IReadOnlyList<AlertNotification> notifications, string? error, CancellationToken cancellationToken);
}

public interface IAlertEvaluationStore
{
    /// <summary>The ids of the tenant's enabled rules, with each one's repository filter.</summary>
    Task<IReadOnlyList<(Guid Id, string? Repository)>> EnabledRulesAsync(CancellationToken cancellationToken);

    /// <summary>The rule locked for evaluation at <paramref name="at"/>; null when another evaluation has it or already did it.</summary>
    Task<IAlertEvaluationLease?> TryLeaseAsync(Guid ruleId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Evaluations on demand, soon rather than at the next minute.</summary>
public interface IAlertTrigger
{
    /// <summary>The tenant's data of these repositories changed: rules that may watch them look again.</summary>
    void DataChanged(Guid tenantId, IReadOnlyCollection<string> repositories);

    /// <summary>A rule was created or changed: the tenant's rules look again, so its state shows at once.</summary>
    void RulesChanged(Guid tenantId);
}

/// <summary>Checks that a URL is somewhere the server may send to (not its own network).</summary>
public interface IDeliveryTargetGuard
{
    /// <summary>Why the server must not send to <paramref name="url"/>, or null when it may.</summary>
    Task<string?> ProblemWithAsync(Uri url, CancellationToken cancellationToken);
}
