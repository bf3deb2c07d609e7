using System.ComponentModel.DataAnnotations;
using Faultline.Application.Classification.Features;
using Faultline.Domain.Classification;

namespace Faultline.Application.Classification;

/// <summary>A failed job's log and the same job's last successful log before it: the tails the featurizer reads.</summary>
public sealed record JobLogs(long JobId, LogTail? Log, LogTail? SuccessfulLog);

/// <summary>Every model's prediction for one job, and which of them the job is given.</summary>
public sealed record JobPredictions(long JobId, IReadOnlyList<FailureAnalysis> Predictions, string ServedModel);

/// <summary>A job's stored classification: the served prediction, or a person's correction of it (never uncertain).</summary>
public sealed record JobClassification(
    long JobId, string Category, float Confidence, IReadOnlyDictionary<string, float> Probabilities, IReadOnlyList<KeyLine> KeyLines,
    string ModelVersion, [property: AllowedValues("model", "feedback")] string Source, string? PredictedCategory, DateTimeOffset ClassifiedAt,
    IReadOnlyList<ModelPrediction> Predictions, bool Uncertain);

/// <summary>One model's answer for a job, kept for comparing models.</summary>
public sealed record ModelPrediction(string ModelVersion, string Category, float Confidence, bool Served);

/// <summary>A person's correction, and what the model had said.</summary>
public sealed record Feedback(long JobId, string Category, string? PredictedCategory, string? ModelVersion, string Actor, DateTimeOffset CreatedAt);

/// <summary>A corrected job as a training example: the verdict and the log it is about.</summary>
public sealed record FeedbackExample(long JobId, string Repository, string Category, string Log);

/// <summary>How each model did on the tenant's jobs that people corrected or confirmed.</summary>
public sealed record ModelAgreement(string ModelVersion, int Predictions, int Reviewed, int Agreed);

/// <summary>The current tenant's classifications, queue, feedback and model choice (port).</summary>
public interface IClassificationStore
{
    /// <summary>The tenant's model choice; null when it never chose (the shipped default applies).</summary>
    Task<ModelAssignment?> GetAssignmentAsync(CancellationToken cancellationToken);

    /// <summary>Saves the choice and queues the tenant's classified history behind new failures; returns how many jobs were queued.</summary>
    Task<int> SaveAssignmentAsync(ModelAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> queued jobs for a while (other workers skip them) with their logs.</summary>
    Task<IReadOnlyList<JobLogs>> ClaimQueuedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Stores the predictions, takes the jobs off the queue and bumps the data version, in one transaction.</summary>
    Task SavePredictionsAsync(IReadOnlyList<JobPredictions> predictions, IReadOnlyCollection<long> unreadable, CancellationToken cancellationToken);

    /// <summary>The job's logs; null when the job does not exist.</summary>
    Task<JobLogs?> GetLogsAsync(long jobId, CancellationToken cancellationToken);

    Task<JobClassification?> GetClassificationAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Records the correction and makes it the job's category; null when the job does not exist or did not fail.</summary>
    Task<Feedback?> SaveFeedbackAsync(long jobId, string category, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<Feedback>> ListFeedbackAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Corrected jobs that still have their log, newest first, streamed: one log in memory at a time.</summary>
    IAsyncEnumerable<FeedbackExample> ListFeedbackExamplesAsync(int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<ModelAgreement>> CompareModelsAsync(CancellationToken cancellationToken);
}
