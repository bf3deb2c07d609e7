namespace Faultline.Infrastructure.Scheduling;

/// <summary>
/// Faultline:Alerts:Scheduler. Instances that share a database and a scheduler name form one Quartz
/// cluster: each tick of the evaluation runs on one of them.
/// </summary>
public sealed record AlertSchedulingOptions
{
    public string SchedulerName { get; init; } = "faultline";

    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How soon after an ingest the rules of that tenant are evaluated (changes within it are evaluated together).</summary>
    public TimeSpan IngestDelay { get; init; } = TimeSpan.FromSeconds(1);
}
