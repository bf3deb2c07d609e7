using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Classification;

/// <summary>
/// Classifies the next batch of the tenant's queued failed jobs (the background classifier's unit of
/// work): every assigned model predicts every job, the job is given its served model's answer.
/// Returns how many queued jobs it took off the queue.
/// </summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record ClassifyQueuedJobs(int BatchSize = ClassifyQueuedJobs.DefaultBatchSize) : IRequest<int>
{
    public const int DefaultBatchSize = 64;
}

public sealed class ClassifyQueuedJobsHandler(IClassificationStore store, PredictionInputs inputs, FailureAnalyzer analyzer)
    : IRequestHandler<ClassifyQueuedJobs, int>
{
    public async Task<int> Handle(ClassifyQueuedJobs request, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimQueuedAsync(request.BatchSize, cancellationToken);
        if (claimed.Count == 0) return 0;

        var assignment = await inputs.AssignmentAsync(cancellationToken);
        var readable = claimed.Where(j => j.Log is not null).ToList();
        var logs = readable.Select(j => new LogToAnalyze(j.Log!, j.SuccessfulLog)).ToList();
        var byModel = analyzer.AnalyzeWith(assignment.Models, logs);
        var predictions = readable
            .Select((job, i) => new JobPredictions(job.JobId, [.. byModel.Select(results => results[i])], assignment.ServedFor(job.JobId)))
            .ToList();
        // A job whose log was removed since it was queued has nothing to classify.
        var unreadable = claimed.Where(j => j.Log is null).Select(j => j.JobId).ToList();
        await store.SavePredictionsAsync(predictions, unreadable, cancellationToken);
        return claimed.Count;
    }
}
