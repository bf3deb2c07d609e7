using System.Diagnostics;
using System.Text;
using Faultline.Application.Ingestion;
using Npgsql;

namespace Faultline.Bench;

/// <summary>`make seed`: a tenant with N generated jobs, loaded through the same bulk path as the events API.</summary>
internal static class Seeder
{
    public const int BatchSize = 5_000;

    public static async Task<TimeSpan> SeedAsync(BenchHost host, string tenantKey, long jobs, int days, double logsFraction, bool ifEmpty,
        CancellationToken cancellationToken)
    {
        var tenant = await host.UseTenantAsync(tenantKey, cancellationToken);
        var existing = await CountJobsAsync(host, tenant.SchemaName, cancellationToken);
        if (ifEmpty && existing > 0)
        {
            Console.WriteLine($"seed: tenant {tenantKey} already holds {existing:N0} jobs; nothing to do.");
            return TimeSpan.Zero;
        }

        var random = new Random(20261122);
        // Runs end up to a few hours after they start (reruns included); all of it lies in the past.
        var to = DateTimeOffset.UtcNow.AddHours(-3);
        var from = to.AddDays(-days);
        var model = new WorkloadModel(random, repositories: 40, from, to);
        var generator = new EventGenerator(model, random, from, to);
        Console.WriteLine($"seed: {jobs:N0} jobs over {days} days into tenant {tenantKey} ({tenant.SchemaName}), {model.Repositories.Count} repositories, {model.Incidents.Count} incidents");

        var clock = Stopwatch.StartNew();
        long stored = 0, logs = 0, nextReport = 1_000_000;
        foreach (var batch in generator.Generate(jobs).Chunk(BatchSize))
        {
            var result = await host.SendAsync(new IngestEvents(batch.Select(e => new EventInput(e.Item, null)).ToList()), cancellationToken);
            if (result.Rejected > 0) throw new InvalidOperationException($"the generator made invalid events: {result.Items.First(i => i.Reason is not null).Reason}");
            for (var i = 0; i < batch.Length; i++)
            {
                if (batch[i].FailureKind is not { } kind || random.NextDouble() >= logsFraction) continue;
                var text = SyntheticLogs.For(kind, batch[i].Item.Name!, random);
                await host.SendAsync(new UploadJobLog(result.Items[i].Id!.Value, new MemoryStream(Encoding.UTF8.GetBytes(text)), Gzip: false), cancellationToken);
                logs++;
            }

            stored += batch.Count(e => e.Item.Type == "job");
            if (stored >= nextReport)
            {
                Console.WriteLine($"seed: {stored:N0} jobs, {stored / clock.Elapsed.TotalSeconds:N0} jobs/s");
                nextReport += 1_000_000;
            }
        }

        Console.WriteLine($"seed: {stored:N0} jobs and {logs:N0} failure logs in {clock.Elapsed.TotalSeconds:N1} s ({stored / clock.Elapsed.TotalSeconds:N0} jobs/s)");
        return clock.Elapsed;
    }

    public static async Task<long> CountJobsAsync(BenchHost host, string schema, CancellationToken cancellationToken)
    {
        await using var command = host.Get<NpgsqlDataSource>().CreateCommand($"SELECT count(*) FROM \"{schema}\".job_runs");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>`make run`: the demo tenant's alerts, so the alerts pages show something real: every template, e-mailing the demo owner.</summary>
internal static class DemoAlerts
{
    public static async Task EnsureAsync(BenchHost host, string ownerEmail, CancellationToken cancellationToken)
    {
        if ((await host.SendAsync(new Application.Alerts.ListAlertChannels(), cancellationToken)).Count > 0) return;
        var channel = await host.SendAsync(new Application.Alerts.CreateAlertChannel("Demo on-call", "email", null, [ownerEmail]), cancellationToken);
        foreach (var template in await host.SendAsync(new Application.Alerts.ListAlertTemplates(), cancellationToken))
            await host.SendAsync(new Application.Alerts.CreateAlertRule(template.Rule with { ChannelIds = [channel.Id] }), cancellationToken);
        Console.WriteLine($"seed: demo alert rules e-mail {ownerEmail} (the local SMTP sink keeps them in .local/mail/new)");
    }
}
