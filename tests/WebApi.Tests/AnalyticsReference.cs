namespace Faultline.WebApi.Tests;

/// <summary>
/// Every metric computed the obvious way, in memory, from the raw generated rows: the yardstick the
/// rollup- and SQL-based results must equal.
/// </summary>
internal sealed class AnalyticsReference(IReadOnlyList<GeneratedJob> jobs, TimeZoneInfo zone, double minutePrice = 0.008)
{
    public sealed record Filters(string? Repository = null, string? Pipeline = null, string? Job = null, string? Branch = null, string? Provider = null);

    /// <summary>Values per group (null key without group-by) and bucket start (null without buckets).</summary>
    public Dictionary<string, Dictionary<DateTimeOffset, double?>> Series(
        string metric, DateTimeOffset from, DateTimeOffset to, string? bucket, string? groupBy, Filters filters)
    {
        var buckets = Buckets(from, to, bucket);
        IEnumerable<(DateTimeOffset At, string Group, GeneratedJob Job, double Value)> rows = metric switch
        {
            "runs" => AnalyticsData.Runs(jobs).Where(r => r.FinishedAt >= from && r.FinishedAt < to && Matches(r.First, filters, job: false))
                .Select(r => (r.FinishedAt, GroupOf(r.First, groupBy), r.First, 1.0)),
            "mttr" => Streaks(from, to).Where(s => s.ResolvedAt is { } at && at >= from && at < to && Matches(s.First, filters, job: false, branch: false))
                .Select(s => (s.ResolvedAt!.Value, GroupOf(s.First, groupBy), s.First, (s.ResolvedAt!.Value - s.StartedAt).TotalMilliseconds)),
            _ => jobs.Where(j => j.FinishedAt >= from && j.FinishedAt < to && Matches(j, filters))
                .Select(j => (j.FinishedAt, GroupOf(j, groupBy), j, 0.0)),
        };
        var result = new Dictionary<string, Dictionary<DateTimeOffset, double?>>();
        foreach (var group in rows.GroupBy(r => r.Group))
        {
            result[group.Key] = buckets.ToDictionary(b => b, b =>
            {
                var inBucket = group.Where(r => BucketOf(r.At, bucket) == b).ToList();
                return Value(metric, inBucket.Select(r => r.Job).ToList(), inBucket.Select(r => r.Value).ToList());
            });
        }

        if (groupBy is null && result.Count == 0) result[""] = buckets.ToDictionary(b => b, b => Value(metric, [], []));
        return result;
    }

    private double? Value(string metric, List<GeneratedJob> rows, List<double> values)
    {
        var failed = rows.Count(j => j.Failed);
        var decided = rows.Count(j => j.Decided);
        return metric switch
        {
            "jobs" or "runs" => rows.Count,
            "failures" => failed,
            "failure_rate" => decided == 0 ? null : (double)failed / decided,
            "success_rate" => decided == 0 ? null : (double)rows.Count(j => j.Status == "success") / decided,
            "queue_time" => rows.Count == 0 ? null : rows.Sum(j => j.QueueMs) / rows.Count,
            "failure_cost" => rows.Where(j => j.Failed).Sum(j => j.DurationMs) / 60000 * minutePrice,
            "duration_p50" => PercentileDisc(rows.Select(j => j.DurationMs), 0.5),
            "duration_p95" => PercentileDisc(rows.Select(j => j.DurationMs), 0.95),
            "mttr" => values.Count == 0 ? null : values.Average(),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
        };
    }

    /// <summary>PostgreSQL's percentile_disc: the first value whose position in the order reaches the fraction.</summary>
    private static double? PercentileDisc(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    public sealed record Streak(GeneratedJob First, DateTimeOffset StartedAt, DateTimeOffset? ResolvedAt, int FailedRuns);

    /// <summary>Default-branch failure streaks as seen at the end of the range: runs after it are unknown.</summary>
    public List<Streak> Streaks(DateTimeOffset from, DateTimeOffset to)
    {
        var streaks = new List<Streak>();
        foreach (var pipeline in AnalyticsData.Runs(jobs)
                     .Where(r => r.First.Branch == r.First.DefaultBranch && r.Status is "success" or "failure" or "timed_out" && r.FinishedAt < to)
                     .GroupBy(r => (r.First.Repository, r.First.Pipeline)))
        {
            Streak? open = null;
            foreach (var run in pipeline.OrderBy(r => r.FinishedAt))
            {
                if (run.Status == "success")
                {
                    if (open is not null) streaks.Add(open with { ResolvedAt = run.FinishedAt });
                    open = null;
                }
                else open = open is null ? new Streak(run.First, run.FinishedAt, null, 1) : open with { FailedRuns = open.FailedRuns + 1 };
            }

            if (open is not null) streaks.Add(open);
        }

        return streaks;
    }

    public List<(string Repository, string Pipeline, string Job, int FlakyCommits, int Failures)> Flaky(DateTimeOffset from, DateTimeOffset to) =>
        jobs.Where(j => j.FinishedAt >= from && j.FinishedAt < to && j.Decided)
            .GroupBy(j => (j.Repository, j.Pipeline, j.Name, j.Commit))
            .Where(g => g.Any(j => j.Failed) && g.Any(j => j.Status == "success")
                        && g.Where(j => j.Failed).Min(j => j.FinishedAt) < g.Where(j => j.Status == "success").Max(j => j.FinishedAt))
            .GroupBy(g => (g.Key.Repository, g.Key.Pipeline, g.Key.Name))
            .Select(g => (g.Key.Repository, g.Key.Pipeline, g.Key.Name, g.Count(), g.Sum(c => c.Count(j => j.Failed))))
            .ToList();

    public List<(string Repository, string Pipeline, string Job, int Failures, int Jobs)> TopFailing(DateTimeOffset from, DateTimeOffset to) =>
        jobs.Where(j => j.FinishedAt >= from && j.FinishedAt < to)
            .GroupBy(j => (j.Repository, j.Pipeline, j.Name))
            .Select(g => (g.Key.Repository, g.Key.Pipeline, g.Key.Name, g.Count(j => j.Failed), g.Count()))
            .Where(x => x.Item4 > 0)
            .ToList();

    private static bool Matches(GeneratedJob j, Filters f, bool job = true, bool branch = true) =>
        (f.Repository is null || j.Repository == f.Repository) && (f.Pipeline is null || j.Pipeline == f.Pipeline)
        && (f.Provider is null || j.Provider == f.Provider) && (!job || f.Job is null || j.Name == f.Job)
        && (!branch || f.Branch is null || j.Branch == f.Branch);

    private static string GroupOf(GeneratedJob job, string? groupBy) => groupBy switch
    {
        null => "",
        "repository" => job.Repository,
        "pipeline" => job.Pipeline,
        "job" => job.Name,
        "branch" => job.Branch,
        "provider" => job.Provider,
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, null),
    };

    /// <summary>The start of the bucket holding an instant, in the tenant's zone (weeks start on Monday).</summary>
    public DateTimeOffset BucketOf(DateTimeOffset at, string? bucket)
    {
        if (bucket is null) return DateTimeOffset.MinValue;
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var start = bucket switch
        {
            "hour" => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
            "day" => local.Date,
            "week" => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
        };
        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }

    public List<DateTimeOffset> Buckets(DateTimeOffset from, DateTimeOffset to, string? bucket)
    {
        if (bucket is null) return [DateTimeOffset.MinValue];
        var buckets = new List<DateTimeOffset>();
        for (var at = BucketOf(from, bucket); at < to; at = BucketOf(Next(at, bucket), bucket)) buckets.Add(at);
        return buckets;
    }

    // One local step later (days and weeks are 23–25 hours across daylight saving changes).
    private DateTimeOffset Next(DateTimeOffset bucketStart, string bucket)
    {
        var local = TimeZoneInfo.ConvertTime(bucketStart, zone).DateTime;
        var next = bucket switch { "hour" => local.AddHours(1), "day" => local.AddDays(1), _ => local.AddDays(7) };
        return bucket == "hour" ? bucketStart.AddHours(1) : new DateTimeOffset(next, zone.GetUtcOffset(next));
    }
}
