using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// The tenant's corrected jobs as training examples for make train (ml/data/feedback/): one
/// manifest row per job, in the shape of the shared dataset's labels.jsonl, with the log inline.
/// </summary>
[RequiresPermission(PermissionName.ModelsManage)]
public sealed record ExportTrainingSet(int Limit = 10_000) : IRequest<IAsyncEnumerable<TrainingExample>>;

/// <summary>A manifest row: "repo" groups examples for cross-validation, so a tenant's repositories stay apart from the dataset's.</summary>
public sealed record TrainingExample(string Id, string Repo, string Label, string Text, string Source);

public sealed class ExportTrainingSetValidator : AbstractValidator<ExportTrainingSet>
{
    public ExportTrainingSetValidator() => RuleFor(r => r.Limit).InclusiveBetween(1, 100_000);
}

/// <summary>Rows stream from the store to the response: an export holds one log in memory at a time.</summary>
public sealed class ExportTrainingSetHandler(IClassificationStore store) : IRequestHandler<ExportTrainingSet, IAsyncEnumerable<TrainingExample>>
{
    public Task<IAsyncEnumerable<TrainingExample>> Handle(ExportTrainingSet request, CancellationToken cancellationToken) =>
        Task.FromResult(store.ListFeedbackExamplesAsync(request.Limit, cancellationToken)
            .Select(e => new TrainingExample($"feedback-{e.JobId}", $"feedback:{e.Repository}", e.Category, e.Log, "feedback")));
}
