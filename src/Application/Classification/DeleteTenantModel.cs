using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>Deletes one of the tenant's trained models; when it served the tenant, the shipped models serve again first.</summary>
[RequiresPermission(PermissionName.ModelsManage)]
public sealed record DeleteTenantModel(string? Version) : IRequest<Unit>;

public sealed class DeleteTenantModelValidator : AbstractValidator<DeleteTenantModel>
{
    public DeleteTenantModelValidator() => RuleFor(r => r.Version).NotEmpty().WithMessage("Name the model (version).");
}

public sealed class DeleteTenantModelHandler(
    ITenantModelStore models, IClassificationStore store, IFailureClassifier classifier, AuditTrail audit, IUnitOfWork unitOfWork,
    ICurrentPrincipal principal) : IRequestHandler<DeleteTenantModel, Unit>
{
    public async Task<Unit> Handle(DeleteTenantModel request, CancellationToken cancellationToken)
    {
        var card = await models.FindAsync(request.Version!, cancellationToken) ?? throw new NotFoundException($"No model {request.Version}.");
        // Never leave the tenant assigned to a model that is gone: switch first, then delete.
        if (await store.GetAssignmentAsync(cancellationToken) is { } current && current.Models.Contains(card.Version))
            await store.SaveAssignmentAsync(classifier.DefaultAssignment, cancellationToken);
        if (!await models.DeleteAsync(card.Version, cancellationToken)) throw new NotFoundException($"No model {request.Version}.");
        audit.Record(principal.RequireTenant(), "models.tenant.deleted", card.Version);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
