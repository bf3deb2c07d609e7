using Faultline.Infrastructure.Persistence.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Faultline.Infrastructure.Scheduling;

/// <summary>
/// Starts the clustered Quartz scheduler once the catalog (which holds Quartz's tables) is migrated,
/// and makes sure the alert evaluation and report triggers exist with the configured interval, ticking on whole
/// intervals (every minute at :00).
/// </summary>
internal sealed class AlertScheduler(ISchedulerFactory factory, SchemaMigrator migrator, AlertSchedulingOptions options, ILogger<AlertScheduler> logger)
    : BackgroundService
{
    private static readonly JobKey Job = new("evaluate-alerts", "faultline");
    private static readonly TriggerKey Trigger = new("evaluate-alerts", "faultline");
    private static readonly TriggerKey ReportTrigger = new("run-reports", "faultline");

    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!migrator.Completed) await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    _scheduler = await factory.GetScheduler(stoppingToken);
                    await EnsureTriggerAsync(_scheduler, stoppingToken);
                    await _scheduler.Start(stoppingToken);
                    return;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Alert scheduler could not start, retrying: {Message}", exception.Message);
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it started.
        }
    }

    private async Task EnsureTriggerAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await EnsureTriggerAsync(scheduler, JobBuilder.Create<AlertEvaluationJob>().WithIdentity(Job).StoreDurably().Build(), Trigger, cancellationToken);
        // Reports tick as often as alerts; which reports are due is the report store's business (a missed tick is caught up there).
        await EnsureTriggerAsync(scheduler, JobBuilder.Create<ReportScheduleJob>().WithIdentity(ReportScheduleJob.Key).StoreDurably().Build(),
            ReportTrigger, cancellationToken);
    }

    private async Task EnsureTriggerAsync(IScheduler scheduler, IJobDetail job, TriggerKey key, CancellationToken cancellationToken)
    {
        if (await scheduler.GetTrigger(key, cancellationToken) is ISimpleTrigger existing && existing.RepeatInterval == options.EvaluationInterval)
            return;

        var interval = options.EvaluationInterval;
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset((now.UtcTicks / interval.Ticks + 1) * interval.Ticks, TimeSpan.Zero);
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job.Key).StartAt(start)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let a start in progress end first: Quartz's cluster manager throws when shut down half-started.
        await base.StopAsync(cancellationToken);
        if (_scheduler is not { } scheduler) return;
        try
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Alert scheduler did not shut down cleanly");
        }
    }
}
