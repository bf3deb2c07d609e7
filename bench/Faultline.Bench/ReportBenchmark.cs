using System.Diagnostics;
using Faultline.Application.Dashboards;
using Faultline.Application.Ingestion;
using Faultline.Application.Reports;
using Faultline.Domain.Analytics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Faultline.Bench;

/// <summary>
/// The default dashboard's PDF over the last 7 days, server time in process (the use case, without HTTP): the first one
/// after start (fonts and code loaded), cold (a new data version, so every metric is computed), warm (the metrics come from
/// the cache: drawing alone), and the process's peak memory above its level before a cold render. On the seeded 10M-job
/// tenant when there is one; otherwise on the bench tenant with a small data set of its own, and the figures say so.
/// Then 100 schedules of the bench tenant due at the same minute: the time until the ticks have queued all their e-mails.
/// </summary>
internal static class ReportBenchmark
{
    private const int ColdRounds = 5;
    private const int WarmRounds = 20;
    private const int FallbackJobs = 200_000;
    private const int DueTogether = 100;

    public static async Task<IEnumerable<(string, string)>> RunAsync(IConfiguration configuration, string seededTenant, BenchHost benchHost,
        string benchDatabase, string benchSchema, EventGenerator generator, CancellationToken cancellationToken)
    {
        var devDatabase = configuration.GetConnectionString("Postgres")!;
        var seeded = await SchemaExistsAsync(devDatabase, "t_" + seededTenant, cancellationToken);
        await using var seededHost = seeded ? new BenchHost(configuration) : null;
        var (host, database, schema, what) = (benchHost, benchDatabase, benchSchema, $"bench tenant, {FallbackJobs:N0} generated jobs (no seeded tenant)");
        if (seededHost is not null)
        {
            await seededHost.UseTenantAsync(seededTenant, cancellationToken);
            (host, database, schema, what) = (seededHost, devDatabase, "t_" + seededTenant, $"seeded tenant '{seededTenant}'");
        }
        else
        {
            foreach (var batch in generator.Generate(FallbackJobs).Select(e => new EventInput(e.Item, null)).Chunk(Seeder.BatchSize))
                await host.SendAsync(new IngestEvents(batch), cancellationToken);
        }

        var dashboard = (await host.SendAsync(new ListDashboards(), cancellationToken)).Single(d => d.IsDefault);
        var to = DateTimeOffset.UtcNow;
        var request = new ExportDashboard(dashboard.Id, to.AddDays(-7), to, MetricFilters.None, "UTC", "a4", "landscape", ReportFormat.Pdf);
        await using var dataSource = NpgsqlDataSource.Create(database);

        var first = Stopwatch.StartNew();
        var report = await host.SendAsync(request, cancellationToken);
        var firstMs = first.Elapsed.TotalMilliseconds;

        var cold = new List<double>();
        long peakExtra = 0;
        for (var round = 0; round < ColdRounds; round++)
        {
            await using (var bump = dataSource.CreateCommand($"UPDATE \"{schema}\".settings SET data_version = data_version + 1"))
                await bump.ExecuteNonQueryAsync(cancellationToken);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = Environment.WorkingSet;
            using var sampling = new CancellationTokenSource();
            var peak = Task.Run(async () =>
            {
                var highest = baseline;
                while (!sampling.IsCancellationRequested)
                {
                    highest = Math.Max(highest, Environment.WorkingSet);
                    await Task.Delay(2, CancellationToken.None);
                }

                return highest;
            }, CancellationToken.None);
            var clock = Stopwatch.StartNew();
            await host.SendAsync(request, cancellationToken);
            cold.Add(clock.Elapsed.TotalMilliseconds);
            await sampling.CancelAsync();
            peakExtra = Math.Max(peakExtra, await peak - baseline);
        }

        var warm = new List<double>();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var round = 0; round < WarmRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await host.SendAsync(request, cancellationToken);
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }

        var allocatedPerRender = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / WarmRounds;
        var (dueSeconds, delivered, parallelism) = await DueTogetherAsync(benchHost, benchDatabase, benchSchema, cancellationToken);
        return
        [
            ($"Default dashboard PDF, last 7 days, A4 landscape ({what})", $"{report.Pages} pages, {report.Content.Length / 1024.0:N0} KiB"),
            ("  first export after start (fonts and code loaded)", $"{firstMs:N0} ms"),
            ($"  cold (metrics computed), median of {ColdRounds} (max)", $"{Median(cold):N0} ms ({cold.Max():N0} ms)"),
            ($"  warm (metrics from the cache), median of {WarmRounds} (p95)", $"{Median(warm):N1} ms ({Benchmarks.Percentile(warm, 95):N1} ms)"),
            ("  peak extra memory during a cold export (working set); allocated per warm export",
                $"{peakExtra / 1024.0 / 1024:N1} MiB; {allocatedPerRender / 1024.0 / 1024:N1} MiB"),
            ("  for comparison, Grafana's headless-Chromium image renderer asks for", "16 GiB memory and 4 cores"),
            ($"{DueTogether} scheduled reports due at the same minute (bench tenant, {parallelism} at a time, {Environment.ProcessorCount} cores)",
                $"{delivered} e-mails queued in {dueSeconds:N1} s (target: within 120 s on 2 cores)"),
        ];
    }

    /// <summary>
    /// Creates <see cref="DueTogether"/> weekly reports of the bench tenant's default dashboard, makes them all due now, and
    /// ticks (as the Quartz job does) until every one has queued its e-mail in the outbox. Answers the seconds that took.
    /// </summary>
    private static async Task<(double Seconds, long Delivered, int Parallelism)> DueTogetherAsync(BenchHost host, string database, string schema,
        CancellationToken cancellationToken)
    {
        var dashboard = (await host.SendAsync(new ListDashboards(), cancellationToken)).Single(d => d.IsDefault);
        var prefix = $"Bench due together {Guid.NewGuid():N}"[..30];
        for (var i = 0; i < DueTogether; i++)
        {
            await host.SendAsync(new CreateReportSchedule(new ReportScheduleInput($"{prefix} {i:000}", dashboard.Id, "previous_week", null,
                [$"bench-{i:000}@example.test"], null, new ReportCadenceInput("weekly", "08:00", "monday"), "UTC", "pdf")), cancellationToken);
        }

        await using var dataSource = NpgsqlDataSource.Create(database);
        await using (var due = dataSource.CreateCommand($"UPDATE \"{schema}\".report_schedules SET next_run_at = now() - interval '1 second' WHERE name LIKE $1"))
        {
            due.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
            await due.ExecuteNonQueryAsync(cancellationToken);
        }

        async Task<long> QueuedAsync()
        {
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM catalog.email_outbox WHERE subject LIKE $1");
            count.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
            return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var clock = Stopwatch.StartNew();
        var delivered = 0L;
        for (var tick = 0; tick < 10 && delivered < DueTogether; tick++)
        {
            await host.SendAsync(new RunDueReports(), cancellationToken);
            delivered = await QueuedAsync();
        }

        return (clock.Elapsed.TotalSeconds, delivered, host.Get<ReportOptions>().Parallelism);
    }

    private static async Task<bool> SchemaExistsAsync(string database, string schema, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'job_runs'");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static double Median(List<double> values) => Benchmarks.Percentile(values, 50);
}
