using Faultline.Domain.Alerts;

namespace Faultline.Application.Alerts;

/// <summary>
/// One message about one rule evaluation, as every channel renders it: the groups that entered <see cref="State"/> together
/// (one message for the sixteen pipelines a start-up finds broken, as Grafana groups them), each with its value against the
/// threshold, a short trend and where to look. Stored in the outbox whole, so a retry sends the same.
/// </summary>
public sealed record AlertNotification(
    Guid Id,
    string Type,
    Guid RuleId,
    string RuleName,
    string Severity,
    string State,
    double Threshold,
    string ThresholdText,
    string Metric,
    DateTimeOffset At,
    string Url,
    string? Detail,
    IReadOnlyList<AlertGroupNotification> Groups);

/// <summary>
/// One group of a message: its name (null for a rule that is not grouped), value and trend; Repository, Pipeline and Branch
/// name what broke where the group or the rule's filters say (null otherwise); Runs links to the group's latest failing run,
/// else to its runs.
/// </summary>
public sealed record AlertGroupNotification(
    string? Group,
    string? PreviousState,
    double? Value,
    string? ValueText,
    IReadOnlyList<double> Trend,
    string? Repository,
    string? Pipeline,
    string? Branch,
    AlertLink? Runs);

/// <summary>A link a message shows: "Latest failing run", "Runs".</summary>
public sealed record AlertLink(string Text, string Url);

/// <summary>What one attempt to reach a channel came to.</summary>
public sealed record DeliveryResult(bool Ok, int? Status, string? Error, bool Retryable)
{
    public static readonly DeliveryResult Sent = new(true, null, null, false);
}

/// <summary>A message other than an alert sent to a channel (a scheduled report's summary): a title, lines of text, one link.</summary>
public sealed record ChannelMessage(string Title, IReadOnlyList<string> Lines, AlertLink Link);

/// <summary>Sends one notification to one channel now (Slack, e-mail or webhook); every failure is a result, only cancellation throws.</summary>
public interface IAlertChannelSender
{
    Task<DeliveryResult> SendAsync(AlertChannel channel, AlertNotification notification, CancellationToken cancellationToken);

    Task<DeliveryResult> SendAsync(AlertChannel channel, ChannelMessage message, CancellationToken cancellationToken);
}

/// <summary>A notification waiting for a channel, claimed for one attempt.</summary>
public sealed record PendingDelivery(Guid Id, Guid ChannelId, int Attempt, AlertNotification Notification);

/// <summary>The tenant's side of the delivery outbox.</summary>
public interface IAlertOutbox
{
    /// <summary>Due deliveries of the current tenant, claimed (leased) so no other instance sends them meanwhile.</summary>
    Task<IReadOnlyList<PendingDelivery>> ClaimDueAsync(int max, CancellationToken cancellationToken);

    /// <summary>Records an attempt: done (sent or given up) or due again at <paramref name="retryAt"/>; with its history entry, together.</summary>
    Task RecordAttemptAsync(PendingDelivery delivery, DateTimeOffset? retryAt, bool done, AlertHistoryEntry entry, CancellationToken cancellationToken);
}
