using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>Gives up on a delivery that could not be stored: its dead letter is deleted, and the audit log says who did it.</summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record DiscardDeadLetter(Guid Id) : IRequest<Unit>;

public sealed class DiscardDeadLetterHandler(IDeadLetterRepository deadLetters, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit)
    : IRequestHandler<DiscardDeadLetter, Unit>
{
    public async Task<Unit> Handle(DiscardDeadLetter request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var deadLetter = await deadLetters.FindAsync(request.Id, cancellationToken);
        if (deadLetter is null || !await deadLetters.DeleteAsync(request.Id, cancellationToken)) throw new NotFoundException("No such dead letter.");
        audit.Record(tenantId, "webhook.delivery_discarded", deadLetter.Entry.Describe());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
