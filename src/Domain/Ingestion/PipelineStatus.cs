namespace Faultline.Domain.Ingestion;

/// <summary>The status of a run or job, the same across providers.</summary>
public enum PipelineStatus
{
    /// <summary>Waits for a runner or a free slot (GitHub queued/pending, GitLab created/pending…); not started.</summary>
    Queued,

    /// <summary>Held until something outside it allows it: an approval (GitHub waiting/action_required) or a time or callback (GitLab).</summary>
    Waiting,

    /// <summary>Waits for a person to start it (GitLab manual): unlike Waiting, it may never run and nothing is wrong.</summary>
    Manual,

    Running,
    Success,
    Failure,
    Cancelled,
    Skipped,
    TimedOut,
}

public static class PipelineStatuses
{
    /// <summary>The statuses of a run or job that is not finished yet; every other status is final.</summary>
    public static readonly IReadOnlyList<PipelineStatus> Unfinished =
        [PipelineStatus.Queued, PipelineStatus.Waiting, PipelineStatus.Manual, PipelineStatus.Running];

    public static bool IsTerminal(this PipelineStatus status) => !Unfinished.Contains(status);

    /// <summary>Whether it may have a start time and a runner: not while it waits (queued, waiting, manual).</summary>
    public static bool HasStarted(this PipelineStatus status) => status == PipelineStatus.Running || status.IsTerminal();

    /// <summary>The API's spelling: "success", "timed_out", …</summary>
    public static string Code(this PipelineStatus status) => EnumCode.Of(status);

    /// <summary>
    /// Maps a provider's own status words (GitHub statuses and conclusions, GitLab statuses, Jenkins results) and the
    /// canonical codes onto one status; null when unknown. Every status the providers document is here.
    /// </summary>
    public static PipelineStatus? Normalize(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        // GitHub: requested, queued, pending (a concurrency group's turn); GitLab: created (earlier stages first),
        // waiting_for_resource (a resource group's turn), preparing, pending (no runner yet).
        "queued" or "requested" or "pending" or "created" or "waiting_for_resource" or "preparing" => PipelineStatus.Queued,
        // GitHub: waiting (environment protection), action_required (a run held for a maintainer's approval: not a failure);
        // GitLab: scheduled (a delayed job's timer), waiting_for_callback (an external service's answer).
        "waiting" or "action_required" or "scheduled" or "waiting_for_callback" => PipelineStatus.Waiting,
        "manual" => PipelineStatus.Manual,
        "running" or "in_progress" or "building" => PipelineStatus.Running,
        "success" or "succeeded" or "passed" or "neutral" => PipelineStatus.Success,
        "failure" or "failed" or "unstable" or "startup_failure" => PipelineStatus.Failure,
        // GitLab's canceling is already decided (the runner only runs after_script); its canceled event brings the finish time.
        "cancelled" or "canceled" or "canceling" or "aborted" or "stale" => PipelineStatus.Cancelled,
        "skipped" or "not_built" => PipelineStatus.Skipped,
        "timed_out" or "timeout" => PipelineStatus.TimedOut,
        _ => null,
    };
}
