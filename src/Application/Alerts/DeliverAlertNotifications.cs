using Faultline.Application.Common.Metrics;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>
/// Sends the tenant's due notifications, one attempt each: sent, retried later with backoff, or given
/// up (a non-retryable answer, or the retry budget spent, counting attempts that ended unrecorded).
/// Every attempt is in the history. Answers how many it attempted.
/// </summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record DeliverAlertNotifications(int Max = 20) : IRequest<int>;

public sealed class DeliverAlertNotificationsHandler(
    IAlertOutbox outbox, IAlertStore store, IAlertChannelSender sender, AlertDeliveryPolicy policy, TimeProvider clock, FaultlineMetrics metrics)
    : IRequestHandler<DeliverAlertNotifications, int>
{
    public async Task<int> Handle(DeliverAlertNotifications request, CancellationToken cancellationToken)
    {
        var due = await outbox.ClaimDueAsync(request.Max, cancellationToken);
        if (due.Count == 0) return 0;
        var channels = (await store.ListChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
        foreach (var delivery in due)
        {
            var notification = delivery.Notification;
            var channelName = channels.TryGetValue(delivery.ChannelId, out var channel) ? channel.Name : null;
            // Claims count attempts; one past the budget means earlier attempts ended unrecorded (the process stopped mid-send).
            var result = channel is null ? new DeliveryResult(false, null, "The channel was deleted.", Retryable: false)
                : delivery.Attempt > policy.MaxAttempts ? new DeliveryResult(false, null,
                    $"Gave up: {delivery.Attempt - 1} attempts were made, the last without an outcome.", Retryable: false)
                : await sender.SendAsync(channel, notification, cancellationToken);

            var retryIn = result is { Ok: false, Retryable: true } ? policy.RetryDelay(delivery.Attempt) : null;
            var outcome = result.Ok ? "sent" : retryIn is null ? "gave_up" : "retrying";
            var detail = result.Ok ? null : retryIn is null && result.Retryable
                ? $"{result.Error} Gave up after {delivery.Attempt} attempts."
                : result.Error;
            var now = clock.GetUtcNow();
            // A message about one group names it in the history; one about several lists them in the message itself.
            var only = notification.Groups is [var single] ? single : null;
            var entry = new AlertHistoryEntry(0, now, "delivery", notification.RuleId == Guid.Empty ? null : notification.RuleId, notification.RuleName,
                only?.Group, null, notification.State, only?.Value, null, delivery.ChannelId, channelName, delivery.Attempt, outcome,
                detail, null);
            await outbox.RecordAttemptAsync(delivery, retryIn is { } wait ? now + wait : null, done: retryIn is null, entry, cancellationToken);
            metrics.AlertDeliveryAttempted(outcome);
        }

        return due.Count;
    }
}
