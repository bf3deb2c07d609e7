using System.Text.Json;
using Faultline.Application.Common.Security;
using Faultline.Application.Ingestion;
using Faultline.Domain.Ingestion;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>
/// A delivery from a provider, already authenticated as its hook (the principal holds the hook's
/// tenant). Events a hook does not track (ping, push…) are acknowledged and ignored.
/// </summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record IngestWebhook(Guid HookId, Provider Provider, string EventType, JsonElement Payload, string? DeliveryId) : IRequest<WebhookOutcome>;

public sealed record WebhookOutcome(string Outcome, IngestResult? Result);

public sealed class IngestWebhookHandler(EventIngestor ingestor, IWebhookRepository hooks, LogFetching.LogFetchScheduler logFetches)
    : IRequestHandler<IngestWebhook, WebhookOutcome>
{
    public async Task<WebhookOutcome> Handle(IngestWebhook request, CancellationToken cancellationToken)
    {
        if (request.DeliveryId is { } delivery && await hooks.WasDeliveredAsync(request.HookId, delivery, cancellationToken))
            return new WebhookOutcome("redelivered", null);

        var items = request.Provider switch
        {
            Provider.Github => GithubPayload.Map(request.EventType, request.Payload),
            Provider.Gitlab => GitlabPayload.Map(request.EventType, request.Payload),
            Provider.Jenkins => JenkinsPayload.Map(request.Payload),
            _ => [],
        };
        if (items.Count == 0) return new WebhookOutcome("ignored", null);

        var result = await ingestor.IngestAsync(items.Select(item => new EventInput(item, null)).ToList(), cancellationToken);
        // Not recorded: the provider shows the delivery failed (with the reasons), and a redelivery is looked at again.
        if (result.Accepted + result.Duplicates == 0) return new WebhookOutcome("rejected", result);
        // Before the delivery is recorded: if queueing fails, the provider's redelivery queues the download again.
        await logFetches.ScheduleAsync(request.HookId, request.Provider, request.Payload, items, result, cancellationToken);
        // Recorded after the events are stored: a delivery that failed half-way is retried, not skipped.
        var first = await hooks.RecordDeliveryAsync(request.HookId, request.DeliveryId, cancellationToken);
        return new WebhookOutcome(first ? "processed" : "redelivered", result);
    }
}
