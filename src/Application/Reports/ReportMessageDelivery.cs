using System.Text.Json;
using Faultline.Application.Alerts;

namespace Faultline.Application.Reports;

/// <summary>
/// Sends the current tenant's due Slack messages of report runs through their alert channel: claimed (leased) so no two
/// instances send one, retried with exponential backoff while the failure is worth retrying, given up after the budget.
/// </summary>
public sealed class ReportMessageDelivery(IReportStore store, IAlertStore alerts, IAlertChannelSender sender, ReportOptions options, TimeProvider clock)
{
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.ClaimMessagesAsync(20, options.RunLease, cancellationToken);
        if (due.Count == 0) return 0;
        var channels = (await alerts.ListChannelsAsync(cancellationToken)).ToDictionary(c => c.Id);
        foreach (var message in due)
        {
            if (!channels.TryGetValue(message.ChannelId, out var channel))
            {
                await store.RecordMessageAttemptAsync(message, false, null, "The Slack channel was deleted.", cancellationToken);
                continue;
            }

            var result = await sender.SendAsync(channel, JsonSerializer.Deserialize<ChannelMessage>(message.Message, ReportRunner.Json)!, cancellationToken);
            var retry = !result.Ok && result.Retryable && message.Attempt < options.MaxMessageAttempts
                ? clock.GetUtcNow() + options.FirstRetry * Math.Pow(2, message.Attempt - 1)
                : (DateTimeOffset?)null;
            await store.RecordMessageAttemptAsync(message, result.Ok, retry, result.Error, cancellationToken);
        }

        return due.Count;
    }
}
