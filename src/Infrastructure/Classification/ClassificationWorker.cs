using System.Threading.Channels;
using Faultline.Application.Classification;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Persistence.Migrations;
using Faultline.Infrastructure.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Classification;

/// <summary>
/// Classifies failed jobs in the background, within a moment of their log arriving: ingestion and
/// log uploads NOTIFY the tenant's schema on commit, and a sweep of every tenant catches whatever a
/// lost notification (restart, dropped connection) left behind. Claims are leased rows, so several
/// instances share the work without doing any twice.
/// </summary>
internal sealed class ClassificationWorker(NpgsqlDataSource dataSource, BackgroundWork work, SchemaMigrator migrator, ClassificationQueueGauge queueGauge,
    ILogger<ClassificationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
    private static readonly IReadOnlySet<Permission> Permissions = new HashSet<Permission> { Permission.DataIngest };

    private readonly Channel<string> _schemas = Channel.CreateUnbounded<string>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!migrator.Completed) await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            await Task.WhenAll(ListenAsync(stoppingToken), ClassifyAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; claims lapse and queued jobs wait for the next start.
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => _schemas.Writer.TryWrite(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresClassificationStore.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Work queued while nobody listened is found by the sweep.
                _schemas.Writer.TryWrite("");
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Classification listener lost its connection, retrying: {Message}", exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task ClassifyAsync(CancellationToken stoppingToken)
    {
        long? measuredAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var sweep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            sweep.CancelAfter(SweepInterval);
            string? schema;
            try
            {
                schema = await _schemas.Reader.ReadAsync(sweep.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                schema = "";
            }

            // At most once a sweep interval, also while notifications keep the sweep from coming.
            if (measuredAt is null || TimeProvider.System.GetElapsedTime(measuredAt.Value) >= SweepInterval)
            {
                measuredAt = TimeProvider.System.GetTimestamp();
                await MeasureQueueAsync(stoppingToken);
            }

            try
            {
                var tenants = await work.TenantsAsync(schema == "" ? null : schema, stoppingToken);
                foreach (var tenant in tenants) await DrainAsync(tenant, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Background classification failed; it is retried on the next sweep");
            }
        }
    }

    private async Task MeasureQueueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queueGauge.MeasureAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Classification queue not measured: {Message}", exception.Message);
        }
    }

    /// <summary>Classifies the tenant's queue batch by batch until it is empty (or the rest is claimed by others).</summary>
    internal async Task DrainAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        while (await work.SendAsync(tenantId, "system:classifier", Permissions, new ClassifyQueuedJobs(), cancellationToken) > 0)
        {
        }
    }
}
