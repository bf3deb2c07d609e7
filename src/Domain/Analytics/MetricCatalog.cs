namespace Faultline.Domain.Analytics;

/// <summary>Every metric dashboards, the query API and alerts can ask for.</summary>
public static class MetricCatalog
{
    private static readonly Dimension[] JobDimensions = [Dimension.Repository, Dimension.Pipeline, Dimension.Job, Dimension.Branch, Dimension.Provider];
    private static readonly Dimension[] FailedJobDimensions = [.. JobDimensions, Dimension.Category];
    private static readonly Dimension[] RunDimensions = [Dimension.Repository, Dimension.Pipeline, Dimension.Branch, Dimension.Provider];
    private static readonly Dimension[] RecoveryDimensions = [Dimension.Repository, Dimension.Pipeline, Dimension.Provider];

    public static readonly MetricDefinition Jobs = new("jobs", "Jobs", "Finished jobs.", MetricShape.Series, MetricUnit.Count,
        JobDimensions, JobDimensions);

    public static readonly MetricDefinition Runs = new("runs", "Pipeline runs", "Finished pipeline runs.", MetricShape.Series, MetricUnit.Count,
        RunDimensions, RunDimensions);

    public static readonly MetricDefinition Failures = new("failures", "Failures", "Failed jobs (failed or timed out).", MetricShape.Series,
        MetricUnit.Count, FailedJobDimensions, FailedJobDimensions);

    public static readonly MetricDefinition FailureRate = new("failure_rate", "Failure rate", "Failed jobs ÷ jobs that failed or succeeded.",
        MetricShape.Series, MetricUnit.Ratio, JobDimensions, JobDimensions);

    public static readonly MetricDefinition SuccessRate = new("success_rate", "Success rate", "Succeeded jobs ÷ jobs that failed or succeeded.",
        MetricShape.Series, MetricUnit.Ratio, JobDimensions, JobDimensions);

    public static readonly MetricDefinition DurationP50 = new("duration_p50", "Job duration p50", "Median duration of finished jobs.",
        MetricShape.Series, MetricUnit.Ms, JobDimensions, JobDimensions);

    public static readonly MetricDefinition DurationP95 = new("duration_p95", "Job duration p95", "95th percentile duration of finished jobs.",
        MetricShape.Series, MetricUnit.Ms, JobDimensions, JobDimensions);

    public static readonly MetricDefinition QueueTime = new("queue_time", "Queue time", "Mean time a job waited for a runner.",
        MetricShape.Series, MetricUnit.Ms, JobDimensions, JobDimensions);

    public static readonly MetricDefinition FailureCost = new("failure_cost", "Cost of failures",
        "Runner minutes spent on failed jobs × the tenant's price per runner minute.", MetricShape.Series, MetricUnit.Usd,
        FailedJobDimensions, FailedJobDimensions);

    public static readonly MetricDefinition MeanTimeToRecovery = new("mttr", "Mean time to recovery",
        "Mean time from a default-branch pipeline's first failing run to its next successful run, by recovery time.", MetricShape.Series,
        MetricUnit.Ms, RecoveryDimensions, [Dimension.Repository, Dimension.Pipeline]);

    public static readonly MetricDefinition FailureCategories = new("failure_categories", "Failure categories",
        "Failed jobs per failure category; 'unclassified' until the classifier has labelled them.", MetricShape.Series, MetricUnit.Count,
        FailedJobDimensions, [Dimension.Category]);

    public static readonly MetricDefinition BrokenFor = new("broken_for", "Default branch broken for",
        "How long each default-branch pipeline has been failing at the end of the range; 0 when its last run passed.", MetricShape.Series,
        MetricUnit.Ms, RecoveryDimensions, [Dimension.Repository, Dimension.Pipeline]) { Bucketed = false };

    public static readonly MetricDefinition FlakyCommits = new("flaky_commits", "Flaky commits",
        "Commits on which a job failed and then passed, counted per job at its last success.", MetricShape.Series, MetricUnit.Count,
        JobDimensions, [Dimension.Repository, Dimension.Pipeline, Dimension.Job]);

    public static readonly MetricDefinition TopFailingJobs = new("top_failing_jobs", "Top failing jobs", "Jobs with the most failures.",
        MetricShape.Table, MetricUnit.Count, JobDimensions, []);

    public static readonly MetricDefinition FlakyJobs = new("flaky_jobs", "Flaky jobs", "Jobs that failed and then passed on the same commit.",
        MetricShape.Table, MetricUnit.Count, JobDimensions, []);

    public static readonly MetricDefinition Incidents = new("incidents", "Recent incidents",
        "Default-branch failure streaks overlapping the range, newest first.", MetricShape.Table, MetricUnit.Ms, RecoveryDimensions, []);

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        Jobs, Runs, Failures, FailureRate, SuccessRate, DurationP50, DurationP95, QueueTime, FailureCost, MeanTimeToRecovery,
        FailureCategories, BrokenFor, FlakyCommits, TopFailingJobs, FlakyJobs, Incidents,
    ];

    public static MetricDefinition? Find(string? code) => All.FirstOrDefault(m => m.Code == code);
}
