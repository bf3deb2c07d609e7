using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>Up to 1,000 predictions in one call; an item whose job is missing gets its own error, the rest still answer.</summary>
[RequiresPermission(PermissionName.DataPredict)]
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
    /// <summary>
    /// Characters of logs one batch may read (whole logs, as decompressed, and pasted ones): the item that
    /// crosses it and every later one (unread) answer 413, to be sent again in another batch.
    /// </summary>
    public const long MaxReadCharacters = 100_000_000;

    public async Task<IReadOnlyList<BatchPrediction>> Handle(BatchPredictFailures request, CancellationToken cancellationToken)
    {
        var answers = new BatchPrediction?[request.Items.Count];
        var byModel = new Dictionary<string, List<(int Index, LogToAnalyze Log)>>();
        // A job asked for again is read and analysed once; the later items copy the first one's answer.
        var firstAsked = new Dictionary<long, int>();
        var repeats = new List<(int Index, int First)>();
        long read = 0;
        for (var i = 0; i < request.Items.Count; i++)
        {
            var (log, jobId) = (request.Items[i].Log, request.Items[i].JobId);
            if (jobId is { } id && !firstAsked.TryAdd(id, i))
            {
                repeats.Add((i, firstAsked[id]));
                continue;
            }

            if (read >= MaxReadCharacters)
            {
                answers[i] = TooMuchRead;
                continue;
            }

            try
            {
                var (model, resolved) = await inputs.ResolveAsync(log, jobId, cancellationToken);
                read += resolved.ReadCharacters;
                if (read > MaxReadCharacters)
                {
                    answers[i] = TooMuchRead;
                    continue;
                }

                if (!byModel.TryGetValue(model, out var group)) byModel[model] = group = [];
                group.Add((i, resolved));
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

        foreach (var (index, first) in repeats) answers[index] = answers[first];
        return answers!;
    }

    private static BatchPrediction TooMuchRead => new(null, 413,
        $"The batch read {MaxReadCharacters:N0} characters of logs before this item; send it in another batch.");
}
