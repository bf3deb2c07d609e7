using Faultline.Application.Alerts;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Persistence.Migrations;
using Faultline.Infrastructure.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Faultline.Infrastructure.Alerts;

/// <summary>
/// Finds tenants with due alert deliveries (one index scan of the catalog outbox) and has each
/// send them; claims are leased per row, so instances share the work without sending anything twice.
/// </summary>
internal sealed class AlertOutboxDispatcher(NpgsqlDataSource dataSource, BackgroundWork work, SchemaMigrator migrator,
    ILogger<AlertOutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly IReadOnlySet<Permission> Permissions = new HashSet<Permission> { Permission.AlertsManage };

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
                            while (await work.SendAsync(tenant, "system:alerts", Permissions, new DeliverAlertNotifications(), stoppingToken) > 0)
                            {
                            }
                        }
                        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                        {
                            // One tenant's trouble (a dropped schema) must not hold up the others' deliveries.
                            logger.LogWarning(exception, "Alert delivery of tenant {Tenant} failed", tenant);
                        }
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Alert outbox unavailable: {Message}", exception.Message);
                }

                await Task.Delay(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; undelivered notifications wait in the outbox.
        }
    }

    private async Task<List<Guid>> DueTenantsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT tenant_id FROM catalog.alert_outbox WHERE done_at IS NULL AND next_attempt_at <= now()");
        var tenants = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) tenants.Add(reader.GetGuid(0));
        return tenants;
    }
}
