using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>The tenant's trained models with their cards and the guard's verdict, and how many labels there are to train on.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListTenantModels : IRequest<TenantModelList>;

public sealed class ListTenantModelsHandler(ITenantModelStore models, PredictionInputs inputs, IFailureClassifier classifier)
    : IRequestHandler<ListTenantModels, TenantModelList>
{
    public async Task<TenantModelList> Handle(ListTenantModels request, CancellationToken cancellationToken)
    {
        var assignment = await inputs.AssignmentAsync(cancellationToken);
        var shipped = classifier.DefaultAssignment.Active;
        var items = (await models.ListAsync(cancellationToken)).Select(card =>
        {
            var refusal = TenantModelGuard.Refusal(card, shipped);
            return new TenantModelDto(card, card.Version == assignment.Active, card.Stale, refusal is null, refusal);
        }).ToList();
        return new TenantModelList(items, await models.CountLabelsAsync(cancellationToken), TenantModelGuard.MinimumLabels,
            TenantModelGuard.MinimumClasses, TrainTenantModel.DefaultMaxLabels);
    }
}
