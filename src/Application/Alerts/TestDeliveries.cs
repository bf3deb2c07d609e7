using System.Diagnostics;
using Faultline.Domain;
using Faultline.Domain.Alerts;

namespace Faultline.Application.Alerts;

/// <summary>Sends a test message to channels now, and keeps each outcome in the history.</summary>
public sealed class TestDeliveries(IAlertStore store, IAlertChannelSender sender)
{
    public async Task<TestResultDto> SendAsync(IReadOnlyList<AlertChannel> channels, AlertNotification notification, string actor,
        CancellationToken cancellationToken)
    {
        var deliveries = new List<TestDeliveryDto>();
        var entries = new List<AlertHistoryEntry>();
        foreach (var channel in channels)
        {
            var watch = Stopwatch.StartNew();
            var result = await sender.SendAsync(channel, notification, cancellationToken);
            deliveries.Add(new TestDeliveryDto(channel.Id, channel.Name, EnumCode.Of(channel.Kind), result.Ok, result.Status, result.Error,
                watch.ElapsedMilliseconds));
            entries.Add(new AlertHistoryEntry(0, notification.At, "test", notification.RuleId == Guid.Empty ? null : notification.RuleId,
                notification.RuleId == Guid.Empty ? null : notification.RuleName, null, null, null, null, null, channel.Id, channel.Name, 1,
                result.Ok ? "sent" : "failed", result.Error, actor));
        }

        await store.AppendHistoryAsync(entries, cancellationToken);
        return new TestResultDto(deliveries);
    }
}
