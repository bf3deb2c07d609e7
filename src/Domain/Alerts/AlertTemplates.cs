using Faultline.Domain.Analytics;

namespace Faultline.Domain.Alerts;

/// <summary>A ready-made rule: the draft a person starts from and adjusts.</summary>
public sealed record AlertTemplate(
    string Id, string Name, string Description, MetricSpec Query, AlertCondition Condition, int WindowMinutes, int ForMinutes,
    AlertSeverity Severity, NoDataHandling NoData);

public static class AlertTemplates
{
    public static IReadOnlyList<AlertTemplate> All { get; } =
    [
        new("default-branch-broken", "Default branch broken for more than 30 minutes",
            "A pipeline's default branch has been failing for longer than the threshold (per repository and pipeline).",
            new MetricSpec(MetricCatalog.BrokenFor.Code, GroupBy: "repository", Top: MetricSpec.MaxTop, AlsoGroupBy: ["pipeline"]),
            new AlertCondition(ConditionKind.Above, 30 * 60_000), 60, 0, AlertSeverity.Critical, NoDataHandling.Ok),
        new("failure-rate-hour", "Failure rate above 20% over an hour",
            "More than a fifth of the jobs that finished in the last hour failed; resolves below 15%.",
            new MetricSpec(MetricCatalog.FailureRate.Code),
            new AlertCondition(ConditionKind.Above, 0.2, RecoveryThreshold: 0.15), 60, 5, AlertSeverity.Warning, NoDataHandling.Ok),
        new("job-newly-flaky", "A job newly flaky",
            "A job failed and then passed on the same commit in the last 24 hours (per repository, pipeline and job).",
            new MetricSpec(MetricCatalog.FlakyCommits.Code, GroupBy: "repository", Top: MetricSpec.MaxTop, AlsoGroupBy: ["pipeline", "job"]),
            new AlertCondition(ConditionKind.Above, 0), 24 * 60, 0, AlertSeverity.Info, NoDataHandling.Ok),
        new("failure-cost-day", "Cost of failures above $50 per day",
            "Runner minutes spent on failed jobs in the last 24 hours, priced at the tenant's rate.",
            new MetricSpec(MetricCatalog.FailureCost.Code),
            new AlertCondition(ConditionKind.Above, 50), 24 * 60, 0, AlertSeverity.Warning, NoDataHandling.Ok),
    ];
}
