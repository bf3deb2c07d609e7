namespace Faultline.Domain.Ingestion;

/// <summary>
/// What one event says about a run or a job, validated. Runs and jobs are identified by
/// (provider, external id, attempt); a later event about the same one updates it.
/// </summary>
public abstract record PipelineEvent(
    Provider Provider, string ExternalId, int Attempt, string Repository, string Pipeline, string Branch, string? CommitSha,
    PipelineStatus Status, DateTimeOffset? QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public const int MaxTextLength = 500;
}

public sealed record RunEvent(
    Provider Provider, string ExternalId, int Attempt, string Repository, string Pipeline, string Branch, string? CommitSha,
    PipelineStatus Status, DateTimeOffset? QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? DefaultBranch, string? Trigger, string? Actor)
    : PipelineEvent(Provider, ExternalId, Attempt, Repository, Pipeline, Branch, CommitSha, Status, QueuedAt, StartedAt, FinishedAt);

/// <summary>A job carries its run's context (repository, pipeline, branch), so it can arrive before the run.</summary>
public sealed record JobEvent(
    Provider Provider, string ExternalId, int Attempt, string Repository, string Pipeline, string Branch, string? CommitSha,
    PipelineStatus Status, DateTimeOffset? QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string RunExternalId, string Name, string? Runner)
    : PipelineEvent(Provider, ExternalId, Attempt, Repository, Pipeline, Branch, CommitSha, Status, QueuedAt, StartedAt, FinishedAt);
