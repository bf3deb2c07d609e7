using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>
/// A delivery from a provider, already authenticated as its hook (the principal holds the hook's
/// tenant). Events a hook does not track (ping, push…) are acknowledged and ignored; a delivery whose
/// content cannot all be stored is kept as a dead letter (see <see cref="WebhookDeliveryIngestor"/>).
/// </summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record IngestWebhook(WebhookDelivery Delivery) : IRequest<DeliveryResult>;

public sealed class IngestWebhookHandler(WebhookDeliveryIngestor deliveries) : IRequestHandler<IngestWebhook, DeliveryResult>
{
    public Task<DeliveryResult> Handle(IngestWebhook request, CancellationToken cancellationToken) =>
        deliveries.IngestAsync(request.Delivery, deadLetterId: null, cancellationToken);
}
