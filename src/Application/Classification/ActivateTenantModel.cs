using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Classification;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// Makes the tenant's trained model its active model, if the guard allows (<see cref="TenantModelGuard"/>: 409 naming the
/// figures otherwise). The shipped model stays on as challenger with no share, so both keep predicting every job and can be
/// compared on people's verdicts. The tenant's classified history is queued for re-classification, like any change of model.
/// </summary>
[RequiresPermission(PermissionName.ModelsManage)]
public sealed record ActivateTenantModel(string? Version) : IRequest<AssignedModels>;

public sealed class ActivateTenantModelValidator : AbstractValidator<ActivateTenantModel>
{
    public ActivateTenantModelValidator() => RuleFor(r => r.Version).NotEmpty().WithMessage("Name the model (version).");
}

public sealed class ActivateTenantModelHandler(
    ITenantModelStore models, IClassificationStore store, IFailureClassifier classifier, AuditTrail audit, IUnitOfWork unitOfWork,
    ICurrentPrincipal principal) : IRequestHandler<ActivateTenantModel, AssignedModels>
{
    public async Task<AssignedModels> Handle(ActivateTenantModel request, CancellationToken cancellationToken)
    {
        var card = await models.FindAsync(request.Version!, cancellationToken) ?? throw new NotFoundException($"No model {request.Version}.");
        if (TenantModelGuard.Refusal(card, classifier.DefaultAssignment.Active) is { } refusal) throw new ConflictException(refusal);

        var chosen = new ModelAssignment(card.Version, card.ShippedModel, 0);
        var requeued = await store.SaveAssignmentAsync(chosen, cancellationToken);
        audit.Record(principal.RequireTenant(), "models.tenant.activated",
            $"{card.Version}: out of fold {card.OutOfFoldAccuracy:P1} vs {card.ShippedModel} {card.ShippedAccuracy:P1} on {card.Labels} labels");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new AssignedModels(new AssignmentDto(chosen.Active, chosen.Challenger, chosen.ChallengerShare), requeued);
    }
}
