using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// Returns the tenant to the shipped models (the default and its challenger) when its own model serves it, re-queueing its
/// classified history; the trained model is kept and may be activated again. Nothing changes when no own model serves.
/// </summary>
[RequiresPermission(PermissionName.ModelsManage)]
public sealed record DeactivateTenantModel : IRequest<AssignedModels>;

public sealed class DeactivateTenantModelHandler(
    IClassificationStore store, ITenantModelStore models, IFailureClassifier classifier, AuditTrail audit, IUnitOfWork unitOfWork,
    ICurrentPrincipal principal) : IRequestHandler<DeactivateTenantModel, AssignedModels>
{
    public async Task<AssignedModels> Handle(DeactivateTenantModel request, CancellationToken cancellationToken)
    {
        var current = await store.GetAssignmentAsync(cancellationToken);
        var shipped = classifier.DefaultAssignment;
        var requeued = 0;
        if (current is not null && await models.FindAsync(current.Active, cancellationToken) is not null)
        {
            requeued = await store.SaveAssignmentAsync(shipped, cancellationToken);
            audit.Record(principal.RequireTenant(), "models.tenant.deactivated", $"{current.Active}, back to {shipped.Active}");
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new AssignedModels(new AssignmentDto(shipped.Active, shipped.Challenger, shipped.ChallengerShare), requeued);
    }
}
