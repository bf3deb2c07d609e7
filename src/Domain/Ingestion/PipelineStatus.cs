namespace Faultline.Domain.Ingestion;

/// <summary>The status of a run or job, the same across providers.</summary>
public enum PipelineStatus
{
    Running,
    Success,
    Failure,
    Cancelled,
    Skipped,
    TimedOut,
}

public static class PipelineStatuses
{
    public static bool IsTerminal(this PipelineStatus status) => status != PipelineStatus.Running;

    /// <summary>The API's spelling: "success", "timed_out", …</summary>
    public static string Code(this PipelineStatus status) => EnumCode.Of(status);

    /// <summary>
    /// Maps a provider's own status words (GitHub conclusions and statuses, GitLab statuses,
    /// Jenkins results) and the canonical codes onto one status; null when unknown.
    /// </summary>
    public static PipelineStatus? Normalize(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        "success" or "succeeded" or "passed" or "neutral" => PipelineStatus.Success,
        "failure" or "failed" or "unstable" or "startup_failure" or "action_required" => PipelineStatus.Failure,
        "cancelled" or "canceled" or "aborted" or "stale" => PipelineStatus.Cancelled,
        "skipped" or "not_built" or "manual" => PipelineStatus.Skipped,
        "timed_out" or "timeout" => PipelineStatus.TimedOut,
        "running" or "in_progress" or "queued" or "pending" or "waiting" or "requested" or "created"
            or "preparing" or "scheduled" or "waiting_for_resource" or "building" => PipelineStatus.Running,
        _ => null,
    };
}
