namespace Faultline.WebApi.Tests;

/// <summary>A generated run or job as the tests send it, and as the reference computations read it.</summary>
internal sealed record GeneratedJob(
    string Provider, string Repository, string Pipeline, string Branch, string DefaultBranch, string Commit, string RunId, string JobId, int Attempt,
    string Name, string Status, DateTimeOffset QueuedAt, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    public bool Failed => Status is "failure" or "timed_out";
    public bool Decided => Status is "success" or "failure" or "timed_out";
    public double DurationMs => (FinishedAt - StartedAt).TotalMilliseconds;
    public double QueueMs => (StartedAt - QueuedAt).TotalMilliseconds;
}

/// <summary>
/// A deterministic data set for metric correctness: two providers, three repositories, two
/// pipelines each, default and feature branches, failures, time-outs, cancellations, reruns that
/// pass on the same commit (flaky), and default-branch failure streaks — spread over twelve days
/// around the end of US daylight saving time (2026-11-01), each run one job per name.
/// </summary>
internal static class AnalyticsData
{
    public static readonly DateTimeOffset Start = new(2026, 10, 27, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = Start.AddDays(12);

    private static readonly (string Provider, string Repository, string DefaultBranch)[] Repositories =
        [("github", "acme/api", "main"), ("github", "acme/web", "master"), ("gitlab", "acme/infra", "main")];

    private static readonly string[] Pipelines = ["CI", "Nightly"];
    private static readonly string[] JobNames = ["build", "test", "lint"];

    public static IReadOnlyList<GeneratedJob> Generate()
    {
        var random = new Random(20261122);
        var jobs = new List<GeneratedJob>();
        var run = 0;
        // One run every ~50 minutes per pipeline; a pipeline's default branch fails in streaks.
        foreach (var (provider, repository, defaultBranch) in Repositories)
        foreach (var pipeline in Pipelines)
        {
            var streakLeft = 0;
            for (var at = Start.AddMinutes(random.Next(0, 50)); at < End; at = at.AddMinutes(35 + random.Next(0, 30)))
            {
                var onDefault = random.NextDouble() < 0.6;
                var branch = onDefault ? defaultBranch : $"feature/{random.Next(1, 4)}";
                if (onDefault && streakLeft == 0 && random.NextDouble() < 0.08) streakLeft = random.Next(1, 5);
                var breakRun = onDefault && streakLeft > 0;
                if (breakRun) streakLeft--;
                var commit = $"c{run:x6}";
                var runId = $"{provider}-{++run}";
                foreach (var name in JobNames)
                {
                    var queued = at.AddSeconds(random.Next(0, 120));
                    var started = queued.AddSeconds(random.Next(1, 300));
                    var finished = started.AddSeconds(30 + random.Next(0, 1200));
                    var roll = random.NextDouble();
                    var status = breakRun && name == "test" ? "failure"
                        : roll < 0.08 ? "failure" : roll < 0.10 ? "timed_out" : roll < 0.13 ? "cancelled" : "success";
                    jobs.Add(new GeneratedJob(provider, repository, pipeline, branch, defaultBranch, commit, runId, $"{runId}-{name}", 1, name, status,
                        queued, started, finished));
                    // A failed job rerun on the same commit often passes: flaky.
                    if (status == "failure" && !breakRun && random.NextDouble() < 0.5)
                    {
                        var rerunStart = finished.AddMinutes(2);
                        jobs.Add(new GeneratedJob(provider, repository, pipeline, branch, defaultBranch, commit, runId, $"{runId}-{name}", 2, name,
                            "success", finished.AddMinutes(1), rerunStart, rerunStart.AddSeconds(60 + random.Next(0, 600))));
                    }
                }
            }
        }

        return jobs;
    }

    /// <summary>The events API's items: one run event per run (its status from its first attempt's jobs), then the jobs.</summary>
    public static IEnumerable<object> Events(IReadOnlyList<GeneratedJob> jobs)
    {
        foreach (var run in jobs.GroupBy(j => (j.RunId, j.Attempt)))
        {
            var first = run.First();
            yield return new
            {
                type = "run", provider = first.Provider, externalId = first.RunId, attempt = first.Attempt, repository = first.Repository,
                pipeline = first.Pipeline, branch = first.Branch, defaultBranch = first.DefaultBranch, commitSha = first.Commit,
                status = RunStatus(run.ToList()), queuedAt = run.Min(j => j.QueuedAt), startedAt = run.Min(j => j.StartedAt),
                finishedAt = run.Max(j => j.FinishedAt),
            };
        }

        foreach (var job in jobs)
        {
            yield return new
            {
                type = "job", provider = job.Provider, externalId = job.JobId, attempt = job.Attempt, runExternalId = job.RunId,
                repository = job.Repository, pipeline = job.Pipeline, branch = job.Branch, commitSha = job.Commit, name = job.Name,
                status = job.Status, queuedAt = job.QueuedAt, startedAt = job.StartedAt, finishedAt = job.FinishedAt,
            };
        }
    }

    public static string RunStatus(IReadOnlyList<GeneratedJob> jobs) =>
        jobs.Any(j => j.Failed) ? "failure" : jobs.All(j => j.Status == "cancelled") ? "cancelled" : "success";

    /// <summary>The runs as stored: one per (run id, attempt), finished when its last job finished.</summary>
    public static IReadOnlyList<(GeneratedJob First, string Status, DateTimeOffset FinishedAt)> Runs(IReadOnlyList<GeneratedJob> jobs) =>
        jobs.GroupBy(j => (j.RunId, j.Attempt)).Select(g => (g.First(), RunStatus(g.ToList()), g.Max(j => j.FinishedAt))).ToList();
}
