using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Persistence.Migrations;
using MediatR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Scheduling;

/// <summary>
/// Works through a catalog outbox (rows with tenant_id, next_attempt_at and done_at): finds the tenants with
/// due rows in one index scan and has each send its batches until one answers that it attempted nothing.
/// The rows' claims are leased, so instances share the work without doing any twice.
/// </summary>
internal abstract class TenantOutboxDispatcher(NpgsqlDataSource dataSource, BackgroundWork work, SchemaMigrator migrator, ILogger logger)
    : BackgroundService
{
    protected NpgsqlDataSource DataSource => dataSource;

    /// <summary>The outbox table, schema-qualified.</summary>
    protected abstract string Table { get; }

    protected abstract string Actor { get; }

    protected abstract IReadOnlySet<Permission> Permissions { get; }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>One batch for the tenant the principal names; answers how many rows it attempted.</summary>
    protected abstract IRequest<int> NextBatch();

    /// <summary>Housekeeping after each round (pruning finished rows, say).</summary>
    protected virtual Task AfterRoundAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!migrator.Completed) await Task.Delay(PollInterval, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    foreach (var tenant in await DueTenantsAsync(stoppingToken))
                    {
                        try
                        {
                            while (await work.SendAsync(tenant, Actor, Permissions, NextBatch(), stoppingToken) > 0)
                            {
                            }
                        }
                        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                        {
                            // One tenant's trouble (a dropped schema) must not hold up the others' work.
                            logger.LogWarning(exception, "{Table} work of tenant {Tenant} failed", Table, tenant);
                        }
                    }

                    await AfterRoundAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("{Table} unavailable: {Message}", Table, exception.Message);
                }

                await Task.Delay(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is left waits in the outbox.
        }
    }

    private async Task<List<Guid>> DueTenantsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT DISTINCT tenant_id FROM {Table} WHERE done_at IS NULL AND next_attempt_at <= now()");
        var tenants = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) tenants.Add(reader.GetGuid(0));
        return tenants;
    }
}
