using System.Diagnostics;
using Faultline.Application.Dashboards;
using Faultline.Domain.Analytics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Faultline.Bench;

/// <summary>
/// The default dashboard of the seeded 10M-job tenant, side by side: cold (a new data version, so
/// the cache holds nothing for it), warm (cache hits), and the same metrics as a BI tool pointed at
/// the database would compute them — plain SQL over the raw job table, the queries run in parallel.
/// Times are server time: the use case in process, without HTTP.
/// </summary>
internal static class AnalyticsBenchmark
{
    private const int ColdRounds = 5;
    private const int WarmRounds = 30;

    public static async Task<IEnumerable<(string, string)>> RunAsync(IConfiguration configuration, string tenantKey, CancellationToken cancellationToken)
    {
        var devDatabase = configuration.GetConnectionString("Postgres")!;
        await using var dataSource = NpgsqlDataSource.Create(Infrastructure.DependencyInjection.WithoutJit(devDatabase));
        var schema = $"\"t_{tenantKey}\"";
        await using (var exists = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'job_runs'"))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = "t_" + tenantKey });
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0) return [("Analytics on a seeded tenant", "not present: run `make seed` first")];
        }

        await using var host = new BenchHost(configuration);
        await host.UseTenantAsync(tenantKey, cancellationToken);
        var dashboard = (await host.SendAsync(new ListDashboards(), cancellationToken)).Single(d => d.IsDefault);
        var rows = new List<(string, string)>();
        await using (var count = dataSource.CreateCommand($"SELECT count(*) FROM {schema}.job_runs"))
            rows.Add(($"Analytics tenant '{tenantKey}'", $"{(long)(await count.ExecuteScalarAsync(cancellationToken))!:N0} jobs"));

        foreach (var days in new[] { 7, 30 })
        {
            var to = DateTimeOffset.UtcNow;
            var from = to.AddDays(-days);
            var request = new GetDashboardData(dashboard.Id, from, to, MetricFilters.None);
            await host.SendAsync(request, cancellationToken);

            var cold = new List<double>();
            for (var round = 0; round < ColdRounds; round++)
            {
                await using (var bump = dataSource.CreateCommand($"UPDATE {schema}.settings SET data_version = data_version + 1"))
                    await bump.ExecuteNonQueryAsync(cancellationToken);
                cold.Add(await TimeAsync(() => host.SendAsync(request, cancellationToken)));
            }

            var warm = new List<double>();
            for (var round = 0; round < WarmRounds; round++) warm.Add(await TimeAsync(() => host.SendAsync(request, cancellationToken)));

            var plain = new List<double>();
            for (var round = 0; round < 3; round++)
                plain.Add(await TimeAsync(() => Task.WhenAll(PlainQueries(schema).Select(sql => RunAsync(dataSource, sql, from, to, cancellationToken)))));

            var (coldMedian, warmMedian, plainMedian) = (Median(cold), Median(warm), Median(plain));
            rows.Add(($"Default dashboard ({dashboard.WidgetCount} widgets), last {days} days: cold, median of {ColdRounds} (max)",
                $"{coldMedian:N0} ms ({cold.Max():N0} ms)"));
            rows.Add(($"  warm (cache hit), median of {WarmRounds} (p95)", $"{warmMedian:N1} ms ({Benchmarks.Percentile(warm, 95):N1} ms)"));
            rows.Add(($"  plain SQL over raw jobs, same metrics in parallel, median of 3", $"{plainMedian:N0} ms"));
            rows.Add(("  ratios: plain ÷ cold, plain ÷ warm", $"{plainMedian / coldMedian:N1}×, {plainMedian / warmMedian:N0}×"));
        }

        return rows;
    }

    /// <summary>The default dashboard's metrics as straightforward GROUP BYs over job_runs and pipeline_runs.</summary>
    private static string[] PlainQueries(string schema) =>
    [
        $"SELECT date_trunc('day', finished_at), count(*) FILTER (WHERE status IN ('failure','timed_out')), count(*) FILTER (WHERE status IN ('success','failure','timed_out')) FROM {schema}.job_runs WHERE finished_at >= $1 AND finished_at < $2 GROUP BY 1",
        $"SELECT date_trunc('day', j.finished_at), r.name, count(*) FILTER (WHERE j.status IN ('failure','timed_out'))::float8 / nullif(count(*) FILTER (WHERE j.status IN ('success','failure','timed_out')), 0) FROM {schema}.job_runs j JOIN {schema}.repositories r ON r.id = j.repository_id WHERE j.finished_at >= $1 AND j.finished_at < $2 GROUP BY 1, 2",
        $"SELECT date_trunc('day', finished_at), sum(extract(epoch FROM finished_at - started_at)) FILTER (WHERE status IN ('failure','timed_out')) / 60 * 0.008 FROM {schema}.job_runs WHERE finished_at >= $1 AND finished_at < $2 GROUP BY 1",
        $"SELECT date_trunc('day', j.finished_at), r.provider, count(*) FROM {schema}.job_runs j JOIN {schema}.repositories r ON r.id = j.repository_id WHERE j.finished_at >= $1 AND j.finished_at < $2 GROUP BY 1, 2",
        $"SELECT date_trunc('day', finished_at), percentile_disc(0.95) WITHIN GROUP (ORDER BY finished_at - started_at) FROM {schema}.job_runs WHERE finished_at >= $1 AND finished_at < $2 GROUP BY 1",
        $"SELECT repository_id, pipeline_id, name, count(*) FILTER (WHERE status IN ('failure','timed_out')) AS f, count(*) FROM {schema}.job_runs WHERE finished_at >= $1 AND finished_at < $2 GROUP BY 1, 2, 3 ORDER BY f DESC LIMIT 10",
        $"SELECT count(*) FROM {schema}.job_runs j LEFT JOIN {schema}.job_classifications c ON c.job_id = j.id WHERE j.status IN ('failure','timed_out') AND j.finished_at >= $1 AND j.finished_at < $2 GROUP BY c.category",
        $"""
        SELECT pipeline_id, avg(extract(epoch FROM recovered - failed)) FROM (
            SELECT r.pipeline_id, r.finished_at AS recovered,
                   (SELECT min(f.finished_at) FROM {schema}.pipeline_runs f WHERE f.pipeline_id = r.pipeline_id AND f.branch = r.branch
                      AND f.status = 'failure' AND f.finished_at < r.finished_at
                      AND f.finished_at > coalesce((SELECT max(s.finished_at) FROM {schema}.pipeline_runs s WHERE s.pipeline_id = r.pipeline_id
                          AND s.branch = r.branch AND s.status = 'success' AND s.finished_at < r.finished_at), '-infinity')) AS failed
            FROM {schema}.pipeline_runs r JOIN {schema}.repositories rp ON rp.id = r.repository_id AND rp.default_branch = r.branch
            WHERE r.status = 'success' AND r.finished_at >= $1 AND r.finished_at < $2) x
        WHERE failed IS NOT NULL GROUP BY 1
        """,
    ];

    private static async Task RunAsync(NpgsqlDataSource dataSource, string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) { }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => Benchmarks.Percentile(values, 50);
}
