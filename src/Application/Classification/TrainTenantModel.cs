using System.Diagnostics;
using System.Security.Cryptography;
using Faultline.Application.Classification.Features;
using Faultline.Application.Classification.Training;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// Trains the tenant's own model on its labelled jobs (people's corrections and confirmations): the newest
/// <see cref="MaxLabels"/> of them are featurized like every served log, a logistic regression is fitted starting from
/// and held toward the shipped linear model, and it is judged honestly against the shipped model on the same jobs
/// (out of fold: see <see cref="TenantModelCard"/>). It is stored with its card but not activated; nothing is stored when
/// there are too few labels.
/// </summary>
[RequiresPermission(PermissionName.ModelsManage)]
public sealed record TrainTenantModel(int MaxLabels = TrainTenantModel.DefaultMaxLabels) : IRequest<TenantModelDto>
{
    /// <summary>
    /// Bounds a training done within one request: on two busy cores, 400 real logs took about 15 s to featurize, cross-validate
    /// and fit; the newest thousand labels are plenty to adjust a prior.
    /// </summary>
    public const int DefaultMaxLabels = 1000;

    public const int Folds = 5;
}

public sealed class TrainTenantModelValidator : AbstractValidator<TrainTenantModel>
{
    public TrainTenantModelValidator() => RuleFor(r => r.MaxLabels).InclusiveBetween(TenantModelGuard.MinimumLabels, TrainTenantModel.DefaultMaxLabels)
        .WithMessage($"maxLabels is between {TenantModelGuard.MinimumLabels} and {TrainTenantModel.DefaultMaxLabels:N0}.");
}

public sealed class TrainTenantModelHandler(
    IClassificationStore store, ITenantModelStore models, IFailureClassifier classifier, ILinearModelSerializer serializer, AuditTrail audit,
    IUnitOfWork unitOfWork, ICurrentPrincipal principal, TimeProvider clock) : IRequestHandler<TrainTenantModel, TenantModelDto>
{
    // Logs featurized at once: bounds the logs held in memory while featurizing in parallel.
    private const int FeaturizeBatch = 8;

    // Rows per call to the shipped model when scoring it on the labelled jobs.
    private const int ScoreBatch = 128;

    public async Task<TenantModelDto> Handle(TrainTenantModel request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (priorVersion, prior) = Prior();
        var rows = new LabelledRows(prior.Features);
        var perClass = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        var pending = new List<(JobLogs Logs, int Label)>(FeaturizeBatch);
        // One short query per job, featurized in small batches: the logs are read as they are needed, never all at once, and
        // no statement stays open while the others are featurized.
        foreach (var job in await models.ListLabelledJobsAsync(request.MaxLabels, cancellationToken))
        {
            var label = IndexOf(prior.Classes, job.Category);
            if (label < 0 || await store.GetLogsAsync(job.JobId, cancellationToken) is not { Log: not null } logs)
            {
                skipped++;
                continue;
            }

            perClass[job.Category] = perClass.GetValueOrDefault(job.Category) + 1;
            pending.Add((logs, label));
            if (pending.Count == FeaturizeBatch) Featurize(pending, rows);
        }

        Featurize(pending, rows);
        if (rows.Count < TenantModelGuard.MinimumLabels || perClass.Count < TenantModelGuard.MinimumClasses)
            throw new ConflictException(
                $"Training needs at least {TenantModelGuard.MinimumLabels} labelled jobs with logs in at least {TenantModelGuard.MinimumClasses} " +
                $"categories; there are {rows.Count} in {perClass.Count}. Label more jobs (the uncertain ones first).");

        var shipped = classifier.DefaultAssignment.Active;
        var shippedAccuracy = ShippedAccuracy(shipped, rows, prior.Classes);
        var outOfFold = SoftmaxRegression.OutOfFold(rows, prior, TrainTenantModel.Folds, cancellationToken: cancellationToken);
        var outOfFoldAccuracy = (double)outOfFold.Where((predicted, i) => predicted == rows.Labels[i]).Count() / rows.Count;
        var model = SoftmaxRegression.Fit(rows, [.. Enumerable.Range(0, rows.Count)], prior, cancellationToken: cancellationToken);
        var onnx = serializer.Serialize(model, new Dictionary<string, string>
        {
            ["featurizerVersion"] = LogFeaturizer.Version,
            ["classes"] = string.Join(',', model.Classes),
            ["prior"] = priorVersion ?? "none",
        });

        var now = clock.GetUtcNow();
        var card = new TenantModelCard(
            $"tenant-{now:yyyyMMdd}-{Convert.ToHexStringLower(SHA256.HashData(onnx))[..12]}", now, principal.RequireActor(), LogFeaturizer.Version,
            model.Classes, priorVersion, SoftmaxRegression.DefaultPriorStrength, rows.Count, perClass, skipped, TrainTenantModel.Folds,
            outOfFoldAccuracy, shipped, shippedAccuracy, priorVersion is null ? 0 : classifier.Find(priorVersion)?.UncertainBelow ?? 0,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await models.SaveAsync(card, onnx, cancellationToken);
        audit.Record(principal.RequireTenant(), "models.tenant.trained",
            $"{card.Version}: {card.Labels} labels, out of fold {card.OutOfFoldAccuracy:P1} vs {card.ShippedModel} {card.ShippedAccuracy:P1}");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        var refusal = TenantModelGuard.Refusal(card, shipped);
        return new TenantModelDto(card, Active: false, card.Stale, refusal is null, refusal);
    }

    /// <summary>
    /// The shipped linear model to start from (the tenant's default and challenger first); without one, a model of zeros
    /// over the default model's classes.
    /// </summary>
    private (string? Version, LinearModel Model) Prior()
    {
        var served = classifier.DefaultAssignment;
        foreach (var card in classifier.Models.OrderBy(m => m.Version == served.Active ? 0 : m.Version == served.Challenger ? 1 : 2))
        {
            if (classifier.LinearWeights(card.Version) is { } linear) return (card.Version, linear);
        }

        var fallback = classifier.Find(served.Active) ?? throw new InvalidOperationException($"The default model {served.Active} is not deployed.");
        return (null, LinearModel.Zero(fallback.Classes, LogFeaturizer.DocumentDimension));
    }

    /// <summary>Featurizes the jobs as the server does when it classifies them: their log and the same job's last successful log.</summary>
    private static void Featurize(List<(JobLogs Logs, int Label)> pending, LabelledRows rows)
    {
        var width = rows.Features;
        var documents = new float[pending.Count * width];
        Parallel.For(0, pending.Count, i =>
            LogFeaturizer.Document(LogFeaturizer.Prepare(pending[i].Logs.Log!, pending[i].Logs.SuccessfulLog), documents.AsSpan(i * width, width)));
        for (var i = 0; i < pending.Count; i++) rows.Add(documents.AsSpan(i * width, width), pending[i].Label);
        pending.Clear();
    }

    /// <summary>How often the shipped model names the label of a labelled job, from the same features the candidate saw.</summary>
    private double ShippedAccuracy(string shipped, LabelledRows rows, IReadOnlyList<string> classes)
    {
        var shippedClasses = classifier.Find(shipped)!.Classes;
        var width = rows.Features;
        var documents = new float[Math.Min(ScoreBatch, rows.Count) * width];
        var right = 0;
        for (var start = 0; start < rows.Count; start += ScoreBatch)
        {
            var count = Math.Min(ScoreBatch, rows.Count - start);
            for (var i = 0; i < count; i++) rows.CopyTo(start + i, documents.AsSpan(i * width, width));
            var probabilities = classifier.Classify(shipped, documents.AsSpan(0, count * width), count);
            for (var i = 0; i < count; i++)
            {
                var row = probabilities.AsSpan(i * shippedClasses.Count, shippedClasses.Count);
                right += shippedClasses[LinearModel.ArgMax(row)] == classes[rows.Labels[start + i]] ? 1 : 0;
            }
        }

        return (double)right / rows.Count;
    }

    private static int IndexOf(IReadOnlyList<string> classes, string category)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] == category) return i;
        }

        return -1;
    }
}
