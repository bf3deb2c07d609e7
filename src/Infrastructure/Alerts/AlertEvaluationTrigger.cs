using System.Collections.Concurrent;
using System.Threading.Channels;
using Faultline.Application.Alerts;
using Faultline.Infrastructure.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faultline.Infrastructure.Alerts;

/// <summary>
/// Evaluates a tenant's rules shortly after an ingest changed its data, instead of at the next
/// minute: changes within <see cref="AlertSchedulingOptions.IngestDelay"/> are evaluated together,
/// on the instance that ingested them. The evaluation lease keeps this and the minute job from
/// acting on one rule twice.
/// </summary>
internal sealed class AlertEvaluationTrigger(BackgroundWork work, AlertSchedulingOptions options, TimeProvider clock,
    ILogger<AlertEvaluationTrigger> logger) : BackgroundService, IAlertTrigger
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> _changed = new();
    private readonly Channel<Guid> _tenants = Channel.CreateUnbounded<Guid>();

    public void DataChanged(Guid tenantId, IReadOnlyCollection<string> repositories)
    {
        var fresh = false;
        var pending = _changed.GetOrAdd(tenantId, _ =>
        {
            fresh = true;
            return new ConcurrentDictionary<string, byte>();
        });
        foreach (var repository in repositories) pending.TryAdd(repository, 0);
        if (fresh) _tenants.Writer.TryWrite(tenantId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var tenant in _tenants.Reader.ReadAllAsync(stoppingToken))
            {
                await Task.Delay(options.IngestDelay, stoppingToken);
                if (!_changed.TryRemove(tenant, out var repositories)) continue;
                try
                {
                    await work.SendAsync(tenant, "system:alerts", AlertEvaluationJob.Permissions,
                        new EvaluateAlertRules(clock.GetUtcNow(), repositories.Keys.ToHashSet()), stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(exception, "Alert evaluation after ingest failed for tenant {Tenant}; the minute job evaluates it", tenant);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the scheduled evaluation covers whatever was pending.
        }
    }
}
