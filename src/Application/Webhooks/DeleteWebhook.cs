using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>Deletes a hook; its next delivery is refused.</summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record DeleteWebhook(Guid Id) : IRequest<Unit>;

public sealed class DeleteWebhookHandler(IWebhookRepository hooks, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit)
    : IRequestHandler<DeleteWebhook, Unit>
{
    public async Task<Unit> Handle(DeleteWebhook request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var hook = await hooks.FindAsync(tenantId, request.Id, cancellationToken) ?? throw new NotFoundException("No such webhook.");
        hooks.Remove(hook);
        audit.Record(tenantId, "webhook.deleted", hook.Name);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
