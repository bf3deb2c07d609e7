namespace Faultline.Domain.Analytics;

public sealed record DashboardTemplate(string Id, string Name, string Description, IReadOnlyList<Widget> Widgets);

/// <summary>Ready-made dashboards; "reliability" is every new tenant's default dashboard.</summary>
public static class DashboardTemplates
{
    public static readonly DashboardTemplate Reliability = new("reliability", "Reliability overview",
        "How often builds fail, why, how long they take and how fast the default branch recovers.",
    [
        new("failures", "Failed jobs", "stat", new("failures", "day"), new(0, 0, 3, 2)),
        new("failure-rate-now", "Failure rate", "stat", new("failure_rate"), new(3, 0, 3, 2)),
        new("mttr", "Mean time to recovery", "stat", new("mttr"), new(6, 0, 3, 2)),
        new("cost", "Cost of failures", "stat", new("failure_cost", "day"), new(9, 0, 3, 2)),
        new("failure-rate", "Failure rate by repository", "line", new("failure_rate", "day", "repository", Top: 5), new(0, 2, 8, 4)),
        new("categories", "Why jobs failed", "pie", new("failure_categories"), new(8, 2, 4, 4)),
        new("jobs", "Jobs per day", "stacked_bar", new("jobs", "day", "provider"), new(0, 6, 6, 4)),
        new("duration", "Job duration p95", "line", new("duration_p95", "day"), new(6, 6, 6, 4)),
        new("top-failing", "Top failing jobs", "table", new("top_failing_jobs", Top: 10), new(0, 10, 7, 5)),
        new("incidents", "Recent incidents", "table", new("incidents", Top: 10), new(7, 10, 5, 5)),
    ]);

    public static readonly DashboardTemplate Flakiness = new("flaky", "Flaky tests",
        "Jobs that fail and then pass on the same commit, and what their reruns cost.",
    [
        new("flaky", "Flaky jobs", "table", new("flaky_jobs", Top: 20), new(0, 0, 7, 6)),
        new("failure-rate", "Failure rate by job", "line", new("failure_rate", "day", "job", Top: 5), new(7, 0, 5, 6)),
        new("categories", "Failures by category", "stacked_bar", new("failure_categories", "day"), new(0, 6, 12, 4)),
    ]);

    public static readonly DashboardTemplate Cost = new("cost", "Cost of failures",
        "Runner minutes burnt on failed jobs, where they go, and the queue behind them.",
    [
        new("cost-total", "Cost of failures", "stat", new("failure_cost", "day"), new(0, 0, 4, 2)),
        new("queue", "Mean queue time", "stat", new("queue_time"), new(4, 0, 4, 2)),
        new("runs", "Pipeline runs", "stat", new("runs", "day"), new(8, 0, 4, 2)),
        new("cost-by-repo", "Cost of failures by repository", "stacked_bar", new("failure_cost", "day", "repository", Top: 5), new(0, 2, 8, 5)),
        new("cost-by-pipeline", "Cost by pipeline", "pie", new("failure_cost", null, "pipeline", Top: 6), new(8, 2, 4, 5)),
        new("duration", "Job duration p50", "line", new("duration_p50", "day", "repository", Top: 5), new(0, 7, 12, 4)),
    ]);

    public static IReadOnlyList<DashboardTemplate> All { get; } = [Reliability, Flakiness, Cost];

    public static DashboardTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}
