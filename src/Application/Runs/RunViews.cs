using Faultline.Domain.Classification;
using Faultline.Domain.Ingestion;
using Faultline.Domain;
namespace Faultline.Application.Runs;

public sealed record RunSummary(
    long Id, [property: EnumCodes<Provider>] string Provider, string ExternalId, int Attempt, string Repository, string Pipeline, string Branch,
    string? CommitSha, string? Trigger, string? Actor, [property: EnumCodes<PipelineStatus>] string Status, DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? DurationMs, DateTimeOffset SortedAt);

/// <param name="Category">
/// A failed job's category as the dashboards count it ("unclassified" until classified, "uncertain" below its model's
/// threshold); null for other jobs.
/// </param>
/// <param name="Confidence">How sure its classification is (1 for a person's correction); null without one.</param>
public sealed record JobSummary(
    long Id, long? RunId, [property: EnumCodes<Provider>] string Provider, string ExternalId, int Attempt, string Repository, string Pipeline,
    string Branch, string? CommitSha, string Name, string? Runner, [property: EnumCodes<PipelineStatus>] string Status, DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? DurationMs, bool HasLog, DateTimeOffset SortedAt,
    [property: EnumCodes<FailureCategory>("unclassified", "uncertain")] string? Category, double? Confidence);

public sealed record RunDetail(RunSummary Run, IReadOnlyList<JobSummary> Jobs);

public sealed record LogInfo(long OriginalBytes, long StoredBytes, bool Truncated, DateTimeOffset ReceivedAt);

public sealed record JobDetail(JobSummary Job, LogInfo? Log);

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Filters of the runs and jobs lists; every one optional. From and To bound the sort time (started, else queued);
/// FinishedFrom and FinishedTo the finish time, which the dashboards count by. Job and Category filter jobs only.
/// </summary>
public sealed record RunFilter(
    string? Repository = null, string? Pipeline = null, string? Branch = null, string? Status = null, string? Provider = null,
    string? Job = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Category = null,
    DateTimeOffset? FinishedFrom = null, DateTimeOffset? FinishedTo = null);

public sealed record StoredLog(byte[] Gzip, LogInfo Info);

/// <summary>Reads runs, jobs and logs of the current tenant.</summary>
public interface IRunReader
{
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunFilter filter, (DateTimeOffset At, long Id)? after, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobSummary>> ListJobsAsync(RunFilter filter, (DateTimeOffset At, long Id)? after, int limit, CancellationToken cancellationToken);

    Task<RunDetail?> GetRunAsync(long id, CancellationToken cancellationToken);

    Task<JobDetail?> GetJobAsync(long id, CancellationToken cancellationToken);

    Task<StoredLog?> GetLogAsync(long jobId, CancellationToken cancellationToken);
}

/// <summary>Writes job logs of the current tenant.</summary>
public interface IJobLogStore
{
    Task<bool> JobExistsAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the log, and queues the job for classification when it failed.</summary>
    Task SaveAsync(long jobId, byte[] gzip, long originalBytes, long storedBytes, bool truncated, CancellationToken cancellationToken);
}
