namespace Faultline.Bench;

/// <summary>
/// The shape of a CI workload: repositories with workflows and jobs, each job with its own failure
/// rate, flakiness and duration; incidents during which one job is broken for hours. Built from a
/// seed, so the same seed gives the same tenant.
/// </summary>
internal sealed class WorkloadModel
{
    public sealed record JobModel(string Name, double FailureRate, double FlakeRate, double MedianMinutes, string FailureKind);

    public sealed record WorkflowModel(string Name, IReadOnlyList<JobModel> Jobs);

    public sealed record RepositoryModel(string Name, string Provider, string DefaultBranch, double Weight, IReadOnlyList<WorkflowModel> Workflows);

    public sealed record Incident(string Repository, string Job, DateTimeOffset From, DateTimeOffset To);

    private static readonly string[] Teams = ["payments", "search", "identity", "checkout", "mobile", "platform", "data", "web", "billing", "infra"];
    private static readonly string[] Services = ["api", "web", "worker", "sdk", "gateway", "ml", "docs", "cli"];
    private static readonly string[] JobNames =
        ["build", "unit-tests", "integration-tests", "lint", "typecheck", "e2e", "docker-image", "security-scan", "deploy-staging", "migrations-check",
         "contract-tests", "coverage", "package", "smoke-tests", "license-check"];
    private static readonly string[] FailureKinds = ["compilation", "test", "lint", "dependency", "configuration", "infrastructure", "timeout"];

    public IReadOnlyList<RepositoryModel> Repositories { get; }
    public IReadOnlyList<Incident> Incidents { get; }

    public WorkloadModel(Random random, int repositories, DateTimeOffset from, DateTimeOffset to)
    {
        Repositories = Enumerable.Range(0, repositories).Select(i => Repository(random, i)).ToList();
        // About one incident a week: a job broken on its default branch for 2 to 14 hours.
        var weeks = Math.Max(1, (int)((to - from).TotalDays / 7));
        Incidents = Enumerable.Range(0, weeks).Select(_ =>
        {
            var repository = Repositories[random.Next(Repositories.Count)];
            var job = repository.Workflows[0].Jobs[random.Next(repository.Workflows[0].Jobs.Count)];
            var start = from + TimeSpan.FromHours(random.NextDouble() * (to - from).TotalHours);
            return new Incident(repository.Name, job.Name, start, start + TimeSpan.FromHours(2 + random.NextDouble() * 12));
        }).ToList();
    }

    private static RepositoryModel Repository(Random random, int index)
    {
        var name = $"acme/{Teams[index % Teams.Length]}-{Services[index / Teams.Length % Services.Length]}{(index >= Teams.Length * Services.Length ? index : "")}";
        var provider = (index % 10) switch { < 6 => "github", < 9 => "gitlab", _ => "jenkins" };
        var workflows = Enumerable.Range(0, 1 + random.Next(3)).Select(w => new WorkflowModel(
            w switch { 0 => "CI", 1 => "Nightly", _ => "Release" },
            JobNames.OrderBy(_ => random.Next()).Take(3 + random.Next(6)).Select(job => new JobModel(
                job,
                FailureRate: Math.Clamp(Math.Exp(-3.8 + random.NextDouble() * 1.8), 0.005, 0.25),
                FlakeRate: random.NextDouble() < 0.15 ? 0.03 + random.NextDouble() * 0.1 : 0,
                MedianMinutes: Math.Exp(0.4 + random.NextDouble() * 2.6),
                FailureKind: job switch
                {
                    "lint" or "license-check" => "lint",
                    "typecheck" or "build" or "package" => random.NextDouble() < 0.7 ? "compilation" : "dependency",
                    "docker-image" or "deploy-staging" => random.NextDouble() < 0.5 ? "infrastructure" : "configuration",
                    "e2e" or "smoke-tests" => random.NextDouble() < 0.2 ? "timeout" : "test",
                    _ => random.NextDouble() < 0.85 ? "test" : FailureKinds[random.Next(FailureKinds.Length)],
                })).ToList())).ToList();
        // A few busy repositories and a long tail of quiet ones.
        return new RepositoryModel(name, provider, index % 4 == 0 ? "master" : "main", Math.Pow(0.88, index), workflows);
    }
}
