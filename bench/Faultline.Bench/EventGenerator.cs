using System.Globalization;
using Faultline.Application.Ingestion;

namespace Faultline.Bench;

/// <summary>One generated job event, and the failure kind its log would show when it failed.</summary>
internal sealed record GeneratedEvent(EventItem Item, string? FailureKind);

/// <summary>
/// Runs and their finished jobs over a time window: weekday/weekend and office-hours seasonality,
/// default-branch vs pull-request traffic, per-job failure rates, flaky jobs that fail and then
/// pass when re-run on the same commit, incidents, and long-tailed durations and queue times.
/// </summary>
internal sealed class EventGenerator(WorkloadModel model, Random random, DateTimeOffset from, DateTimeOffset to)
{
    private long _nextRun = 1_000_000;
    private long _nextJob = 50_000_000;
    private readonly double[] _cumulativeWeights = Cumulative(model.Repositories.Select(r => r.Weight));

    /// <summary>Runs, each followed by its jobs, until at least <paramref name="jobs"/> job events were produced.</summary>
    public IEnumerable<GeneratedEvent> Generate(long jobs)
    {
        long produced = 0;
        while (produced < jobs)
        {
            foreach (var generated in Run())
            {
                if (generated.Item.Type == "job") produced++;
                yield return generated;
            }
        }
    }

    private IEnumerable<GeneratedEvent> Run()
    {
        var found = Array.BinarySearch(_cumulativeWeights, random.NextDouble() * _cumulativeWeights[^1]);
        var repository = model.Repositories[found < 0 ? ~found : found];
        var workflow = repository.Workflows[random.NextDouble() < 0.8 ? 0 : random.Next(repository.Workflows.Count)];
        var onDefault = random.NextDouble() < 0.4;
        var branch = onDefault ? repository.DefaultBranch : $"feature/{random.Next(400):D3}";
        var sha = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture) + random.Next().ToString("x8", CultureInfo.InvariantCulture);
        var start = SeasonalTime();
        var runId = (_nextRun++).ToString(CultureInfo.InvariantCulture);

        var failed = new List<WorkloadModel.JobModel>();
        var jobs = new List<GeneratedEvent>();
        var runEnd = start;
        foreach (var job in workflow.Jobs)
        {
            var broken = onDefault && model.Incidents.Any(x => x.Repository == repository.Name && x.Job == job.Name && start >= x.From && start < x.To);
            var flakes = job.FlakeRate > 0 && random.NextDouble() < job.FlakeRate;
            var fails = broken ? random.NextDouble() < 0.9 : random.NextDouble() < job.FailureRate * (onDefault ? 1 : 1.5);
            var status = fails || flakes ? (job.FailureKind == "timeout" ? "timed_out" : "failure")
                : random.NextDouble() < 0.01 ? "cancelled" : "success";
            var (item, end) = Job(repository, workflow, branch, sha, runId, 1, job, start, status);
            jobs.Add(new GeneratedEvent(item, status is "failure" or "timed_out" ? job.FailureKind : null));
            if (status is "failure" or "timed_out" && !broken) failed.Add(job);
            if (end > runEnd) runEnd = end;
        }

        var runStatus = jobs.Any(j => j.FailureKind is not null) ? "failure" : "success";
        yield return new GeneratedEvent(RunItem(repository, workflow, branch, sha, runId, 1, start, runEnd, runStatus), null);
        foreach (var job in jobs) yield return job;

        // A rerun of the failed jobs on the same commit: flaky ones pass this time.
        if (failed.Count > 0 && random.NextDouble() < 0.6)
        {
            var rerunStart = runEnd + TimeSpan.FromMinutes(2 + random.NextDouble() * 30);
            var rerunEnd = rerunStart;
            var rerunJobs = new List<GeneratedEvent>();
            foreach (var job in failed)
            {
                var passes = job.FlakeRate > 0 || random.NextDouble() < 0.3;
                var (item, end) = Job(repository, workflow, branch, sha, runId, 2, job, rerunStart, passes ? "success" : "failure");
                rerunJobs.Add(new GeneratedEvent(item, passes ? null : job.FailureKind));
                if (end > rerunEnd) rerunEnd = end;
            }

            yield return new GeneratedEvent(RunItem(repository, workflow, branch, sha, runId, 2, rerunStart, rerunEnd,
                rerunJobs.Any(j => j.FailureKind is not null) ? "failure" : "success"), null);
            foreach (var job in rerunJobs) yield return job;
        }
    }

    private (EventItem Item, DateTimeOffset End) Job(WorkloadModel.RepositoryModel repository, WorkloadModel.WorkflowModel workflow, string branch,
        string sha, string runId, int attempt, WorkloadModel.JobModel job, DateTimeOffset runStart, string status)
    {
        var queued = runStart + TimeSpan.FromSeconds(random.NextDouble() * 20);
        var peak = runStart.Hour is >= 13 and <= 16 ? 3 : 1;
        var started = queued + TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) * 20 * peak);
        // Log-normal durations with a heavy tail: one job in fifty takes five times longer.
        var minutes = job.MedianMinutes * Math.Exp(0.45 * Gaussian()) * (random.NextDouble() < 0.02 ? 5 : 1);
        if (status == "failure") minutes *= 0.3 + random.NextDouble() * 0.7;
        var finished = started + TimeSpan.FromMinutes(minutes);
        var item = new EventItem("job", repository.Provider, (_nextJob++).ToString(CultureInfo.InvariantCulture), attempt, repository.Name,
            workflow.Name, branch, null, sha, null, null, status, queued, started, finished, runId, job.Name,
            random.NextDouble() < 0.8 ? "ubuntu-22.04" : "self-hosted-large");
        return (item, finished);
    }

    private static EventItem RunItem(WorkloadModel.RepositoryModel repository, WorkloadModel.WorkflowModel workflow, string branch, string sha,
        string runId, int attempt, DateTimeOffset start, DateTimeOffset end, string status) =>
        new("run", repository.Provider, runId, attempt, repository.Name, workflow.Name, branch, repository.DefaultBranch, sha,
            branch == repository.DefaultBranch ? "push" : "pull_request", "dev" + (runId.GetHashCode(StringComparison.Ordinal) & 63),
            status, start, start, end, null, null, null);

    /// <summary>A start time drawn by rejection: weekdays over weekends, office hours over nights.</summary>
    private DateTimeOffset SeasonalTime()
    {
        while (true)
        {
            var candidate = from + TimeSpan.FromSeconds(random.NextDouble() * (to - from).TotalSeconds);
            var weekday = candidate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.25 : 1.0;
            var hour = 0.15 + 0.85 * Math.Max(0, Math.Sin((candidate.Hour - 6) / 14.0 * Math.PI));
            if (random.NextDouble() < weekday * hour) return candidate;
        }
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }
}
