using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>Up to 1,000 predictions in one call; an item whose job is missing gets its own error, the rest still answer.</summary>
[RequiresPermission("data:predict")]
public sealed record BatchPredictFailures(IReadOnlyList<PredictionItem> Items) : IRequest<IReadOnlyList<BatchPrediction>>;

public sealed record PredictionItem([property: LogText] string? Log, long? JobId);

/// <summary>One item's answer: a prediction, or why there is none (status and detail as in ProblemDetails).</summary>
public sealed record BatchPrediction(FailureAnalysis? Prediction, int? Status, string? Error);

public sealed class BatchPredictFailuresValidator : AbstractValidator<BatchPredictFailures>
{
    public const int MaxItems = 1000;

    public BatchPredictFailuresValidator()
    {
        RuleFor(r => r.Items).NotNull().WithMessage("Send items.")
            .Must(items => items is { Count: > 0 and <= MaxItems }).WithMessage($"Send between 1 and {MaxItems:N0} items.");
        RuleForEach(r => r.Items).ChildRules(item =>
        {
            item.RuleFor(i => i).NotNull().WithMessage("An item is a {\"log\"} or a {\"jobId\"} object.");
            PredictionInputRules.Apply(item, i => i.Log, i => i.JobId);
        }).When(r => r.Items is not null);
    }
}

public sealed class BatchPredictFailuresHandler(PredictionInputs inputs, FailureAnalyzer analyzer)
    : IRequestHandler<BatchPredictFailures, IReadOnlyList<BatchPrediction>>
{
    public async Task<IReadOnlyList<BatchPrediction>> Handle(BatchPredictFailures request, CancellationToken cancellationToken)
    {
        var answers = new BatchPrediction?[request.Items.Count];
        var byModel = new Dictionary<string, List<(int Index, LogToAnalyze Log)>>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            try
            {
                var (model, log) = await inputs.ResolveAsync(request.Items[i].Log, request.Items[i].JobId, cancellationToken);
                if (!byModel.TryGetValue(model, out var group)) byModel[model] = group = [];
                group.Add((i, log));
            }
            catch (NotFoundException missing)
            {
                answers[i] = new BatchPrediction(null, 404, missing.Message);
            }
            catch (ConflictException conflict)
            {
                answers[i] = new BatchPrediction(null, 409, conflict.Message);
            }
        }

        foreach (var (model, group) in byModel)
        {
            var results = analyzer.Analyze(model, [.. group.Select(g => g.Log)]);
            for (var g = 0; g < group.Count; g++) answers[group[g].Index] = new BatchPrediction(results[g], null, null);
        }

        return answers!;
    }
}
