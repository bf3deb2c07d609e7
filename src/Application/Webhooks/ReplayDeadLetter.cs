using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>
/// Runs a dead letter's delivery through today's mapping and ingestion, as if the provider sent it now: stored, the
/// dead letter is resolved and its delivery id recorded; still refused, it counts one more attempt with the new reasons.
/// </summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record ReplayDeadLetter(Guid Id) : IRequest<DeliveryResult>;

public sealed class ReplayDeadLetterHandler(
    IDeadLetterRepository deadLetters, WebhookDeliveryIngestor deliveries, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit)
    : IRequestHandler<ReplayDeadLetter, DeliveryResult>
{
    public async Task<DeliveryResult> Handle(ReplayDeadLetter request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var deadLetter = await deadLetters.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such dead letter.");
        var result = await deliveries.IngestAsync(deadLetter.Delivery, deadLetter.Entry.Id, cancellationToken);
        audit.Record(tenantId, result is DeadLettered ? "webhook.replay_failed" : "webhook.replayed", deadLetter.Entry.Describe());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return result;
    }
}
