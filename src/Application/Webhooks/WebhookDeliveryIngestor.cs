using System.Text.Json;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Ingestion;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

/// <summary>What became of a provider's delivery.</summary>
public abstract record DeliveryResult;

/// <summary>Stored ("processed"), already stored ("redelivered"), or an event the hook does not track ("ignored"): the 200 answer.</summary>
public sealed record WebhookOutcome(string Outcome, IngestResult? Result) : DeliveryResult;

/// <summary>
/// Some of the delivery's content could not be stored: the delivery is kept as a dead letter, and its delivery id
/// is not recorded, so the provider's redelivery is processed again.
/// </summary>
public sealed record DeadLettered(Guid DeadLetterId, IReadOnlyList<string> Reasons, IngestResult? Result) : DeliveryResult;

/// <summary>
/// Maps a delivery to canonical events and stores them; shared by live deliveries and dead-letter replays so that a
/// replay is exactly what a delivery would do now. A delivery id is recorded only once all of its content is stored.
/// </summary>
public sealed class WebhookDeliveryIngestor(
    EventIngestor ingestor, IWebhookRepository hooks, IDeadLetterRepository deadLetters, LogFetching.LogFetchScheduler logFetches)
{
    /// <param name="delivery">The delivery as received.</param>
    /// <param name="deadLetterId">The dead letter being replayed, or null for a live delivery.</param>
    /// <param name="cancellationToken">Cancels the processing.</param>
    public async Task<DeliveryResult> IngestAsync(WebhookDelivery delivery, Guid? deadLetterId, CancellationToken cancellationToken)
    {
        // A replay always runs: its events are upserts, and its dead letter must be resolved either way.
        if (deadLetterId is null && delivery.DeliveryId is { } seen && await hooks.WasDeliveredAsync(delivery.HookId, seen, cancellationToken))
            return new WebhookOutcome("redelivered", null);

        using var payload = delivery.ParsePayload();
        IReadOnlyList<EventInput> items;
        try
        {
            items = Map(delivery, payload.RootElement);
        }
        catch (RequestValidationException invalid)
        {
            var reasons = invalid.Errors.SelectMany(error => error.Value.Select(message => $"{error.Key}: {message}")).ToList();
            return await KeepAsync(deadLetterId, delivery, reasons, null, cancellationToken);
        }

        if (items.Count == 0)
        {
            await ResolveAsync(deadLetterId, delivery, cancellationToken);
            return new WebhookOutcome("ignored", null);
        }

        var result = await ingestor.IngestAsync(items, cancellationToken);
        // Partly stored is not stored: the accepted events are committed, yet the whole delivery becomes the dead
        // letter, because that is what the provider sent and what a replay must run again. Its accepted events are
        // upserts by (provider, external id, attempt), so replaying them is harmless.
        if (result.Rejected > 0)
        {
            var reasons = result.Items.Where(item => item.Status == "rejected").Select(item => $"{Describe(items[item.Index].Item)}: {item.Reason}").ToList();
            return await KeepAsync(deadLetterId, delivery, reasons, result, cancellationToken);
        }

        // Queued before the delivery is recorded: should queueing fail, the provider's redelivery queues the download again.
        await logFetches.ScheduleAsync(delivery.HookId, delivery.Provider, payload.RootElement, items, result, cancellationToken);
        // Resolved, then recorded: should the second step fail, a redelivery stores the same events again.
        await ResolveAsync(deadLetterId, delivery, cancellationToken);
        var first = await hooks.RecordDeliveryAsync(delivery.HookId, delivery.DeliveryId, cancellationToken);
        return new WebhookOutcome(first || deadLetterId is not null ? "processed" : "redelivered", result);
    }

    // Jenkins' notification carries the failed stages' logs; GitHub's and GitLab's events carry none.
    private static IReadOnlyList<EventInput> Map(WebhookDelivery delivery, JsonElement payload) => delivery.Provider switch
    {
        Provider.Github => [.. GithubPayload.Map(delivery.EventType, payload).Select(item => new EventInput(item, null))],
        Provider.Gitlab => [.. GitlabPayload.Map(delivery.EventType, payload).Select(item => new EventInput(item, null))],
        Provider.Jenkins => JenkinsPayload.Map(payload),
        _ => [],
    };

    private static string Describe(EventItem? item) => item?.ExternalId is { } id ? $"{item.Type} {id}" : item?.Type ?? "event";

    /// <summary>
    /// Written after the accepted events were committed, in its own statement: should it fail, the answer is a 500
    /// and the delivery id stays unrecorded, so the provider still shows the delivery as failed.
    /// </summary>
    private async Task<DeadLettered> KeepAsync(Guid? deadLetterId, WebhookDelivery delivery, IReadOnlyList<string> reasons, IngestResult? result,
        CancellationToken cancellationToken) =>
        new(await deadLetters.KeepAsync(deadLetterId, delivery, reasons, cancellationToken), reasons, result);

    private async Task ResolveAsync(Guid? deadLetterId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (deadLetterId is { } id) await deadLetters.DeleteAsync(id, cancellationToken);
        else if (delivery.DeliveryId is { } deliveryId) await deadLetters.ResolveAsync(delivery.HookId, deliveryId, cancellationToken);
    }
}
