using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Classification;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// Chooses the tenant's active model and optional challenger; when the served models change, the
/// tenant's classified history is queued for re-classification (behind new failures).
/// </summary>
[RequiresPermission(PermissionName.ModelsManage)]
public sealed record AssignModels(string? Active, string? Challenger, double ChallengerShare) : IRequest<AssignedModels>;

public sealed record AssignedModels(AssignmentDto Assignment, int Requeued);

public sealed class AssignModelsValidator : AbstractValidator<AssignModels>
{
    public AssignModelsValidator(IFailureClassifier classifier)
    {
        RuleFor(r => r.Active).NotEmpty().WithMessage("Name the active model.")
            .Must(v => classifier.Models.Any(m => m.Version == v)).WithMessage(r => $"No model {r.Active} is deployed.");
        RuleFor(r => r.Challenger)
            .Must(v => classifier.Models.Any(m => m.Version == v)).WithMessage(r => $"No model {r.Challenger} is deployed.")
            .NotEqual(r => r.Active).WithMessage("The challenger must be another model than the active one.")
            .When(r => r.Challenger is not null);
        RuleFor(r => r.ChallengerShare).InclusiveBetween(0, 1).WithMessage("The challenger's share is between 0 and 1.");
        RuleFor(r => r.ChallengerShare).Equal(0).When(r => r.Challenger is null).WithMessage("A challenger share needs a challenger model.");
    }
}

public sealed class AssignModelsHandler(
    IClassificationStore store, PredictionInputs inputs, AuditTrail audit, IUnitOfWork unitOfWork, ICurrentPrincipal principal)
    : IRequestHandler<AssignModels, AssignedModels>
{
    public async Task<AssignedModels> Handle(AssignModels request, CancellationToken cancellationToken)
    {
        var current = await inputs.AssignmentAsync(cancellationToken);
        var chosen = new ModelAssignment(request.Active!, request.Challenger, request.ChallengerShare);
        var requeued = await store.SaveAssignmentAsync(chosen, cancellationToken);
        if (current != chosen)
        {
            audit.Record(principal.RequireTenant(), "models.assigned", $"{chosen.Active}, challenger {chosen.Challenger ?? "none"} at {chosen.ChallengerShare:P0}");
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return new AssignedModels(new AssignmentDto(chosen.Active, chosen.Challenger, chosen.ChallengerShare), requeued);
    }
}
