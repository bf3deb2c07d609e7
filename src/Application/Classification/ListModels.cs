using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// The deployed models with their cards, which of them the tenant uses, how each did on the tenant's reviewed jobs, and where
/// they run.
/// </summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListModels : IRequest<ModelList>;

/// <param name="ExecutionProvider">Where the models run: "cuda" or "cpu".</param>
public sealed record ModelList(
    IReadOnlyList<DeployedModel> Items, AssignmentDto Assignment, [property: AllowedValues("cuda", "cpu")] string ExecutionProvider);

/// <param name="Card">The whole card.json: data, metrics, hyper-parameters, intended use and limits.</param>
/// <param name="OnThisTenant">How often the model agreed with people's verdicts on this tenant's jobs.</param>
public sealed record DeployedModel(
    string Version, string Algorithm, DateTimeOffset CreatedAt, string FeaturizerVersion, IReadOnlyList<string> Classes, JsonElement Card,
    string CardMarkdown, bool Active, bool Challenger, ModelAgreement? OnThisTenant);

public sealed record AssignmentDto(string Active, string? Challenger, double ChallengerShare);

public sealed class ListModelsHandler(IFailureClassifier classifier, PredictionInputs inputs, IClassificationStore store)
    : IRequestHandler<ListModels, ModelList>
{
    public async Task<ModelList> Handle(ListModels request, CancellationToken cancellationToken)
    {
        var assignment = await inputs.AssignmentAsync(cancellationToken);
        var agreement = (await store.CompareModelsAsync(cancellationToken)).ToDictionary(a => a.ModelVersion);
        var items = classifier.Models
            .Select(m => new DeployedModel(m.Version, m.Algorithm, m.CreatedAt, m.FeaturizerVersion, m.Classes, m.Card, m.Markdown,
                m.Version == assignment.Active, m.Version == assignment.Challenger, agreement.GetValueOrDefault(m.Version)))
            .ToList();
        return new ModelList(items, new AssignmentDto(assignment.Active, assignment.Challenger, assignment.ChallengerShare),
            classifier.ExecutionProvider);
    }
}
