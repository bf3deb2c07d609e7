using Faultline.Application.Alerts;
using Faultline.Domain.Authorization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace Faultline.Infrastructure.Scheduling;

/// <summary>
/// One tick of the clustered Quartz schedule: evaluates every tenant's rules as of the tick's
/// scheduled time. The tick is recorded first; a tick already recorded (a second instance, a
/// misfire recovered twice) is not run again.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AlertEvaluationJob(NpgsqlDataSource dataSource, BackgroundWork work, ILogger<AlertEvaluationJob> logger) : IJob
{
    public static readonly IReadOnlySet<Permission> Permissions = new HashSet<Permission> { Permission.DataRead, Permission.AlertsManage };

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var fired = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var at = new DateTimeOffset(fired.UtcTicks - fired.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await using (var claim = dataSource.CreateCommand("""
            INSERT INTO catalog.alert_evaluation_runs (fire_time, instance_name, started_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING
            """))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = at });
            claim.Parameters.Add(new NpgsqlParameter { Value = context.Scheduler.SchedulerInstanceId });
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0) return;
        }

        var evaluated = 0;
        foreach (var tenant in await work.TenantsAsync(null, cancellationToken))
        {
            try
            {
                evaluated += await work.SendAsync(tenant, "system:alerts", Permissions, new EvaluateAlertRules(at), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One tenant's trouble (a dropped schema, a bad rule) must not stop the others' alerts.
                logger.LogWarning(exception, "Alert evaluation of tenant {Tenant} failed", tenant);
            }
        }

        await using var finish = dataSource.CreateCommand(
            "UPDATE catalog.alert_evaluation_runs SET finished_at = now(), rules_evaluated = $2 WHERE fire_time = $1");
        finish.Parameters.Add(new NpgsqlParameter { Value = at });
        finish.Parameters.Add(new NpgsqlParameter { Value = evaluated });
        await finish.ExecuteNonQueryAsync(cancellationToken);
        // Bookkeeping older than a week says nothing the history does not (every attempt is recorded there).
        await using (var prune = dataSource.CreateCommand("DELETE FROM catalog.alert_evaluation_runs WHERE fire_time < now() - interval '7 days'"))
            await prune.ExecuteNonQueryAsync(cancellationToken);
        await Notifications.OutboxRetention.PruneAsync(dataSource, "catalog.alert_outbox", "done_at", cancellationToken);
    }
}
