using System.Collections.Concurrent;
using System.Threading.Channels;
using Faultline.Application.Alerts;
using Faultline.Infrastructure.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Faultline.Infrastructure.Alerts;

/// <summary>
/// Evaluates a tenant's rules shortly after an ingest changed its data or a rule changed, instead of
/// at the next minute: changes within <see cref="AlertSchedulingOptions.IngestDelay"/> are evaluated
/// together, on the instance that saw them. The evaluation lease keeps this and the minute job from
/// acting on one rule twice.
/// </summary>
internal sealed class AlertEvaluationTrigger(BackgroundWork work, AlertSchedulingOptions options, TimeProvider clock,
    ILogger<AlertEvaluationTrigger> logger) : BackgroundService, IAlertTrigger
{
    private readonly ConcurrentDictionary<Guid, Pending> _changed = new();
    private readonly Channel<Guid> _tenants = Channel.CreateUnbounded<Guid>();

    /// <summary>What changed in a tenant since its last evaluation here: some repositories' data, or (All) its rules.</summary>
    private sealed class Pending
    {
        public ConcurrentDictionary<string, byte> Repositories { get; } = new();

        public volatile bool All;
    }

    public void DataChanged(Guid tenantId, IReadOnlyCollection<string> repositories)
    {
        var pending = PendingOf(tenantId);
        foreach (var repository in repositories) pending.Repositories.TryAdd(repository, 0);
    }

    public void RulesChanged(Guid tenantId) => PendingOf(tenantId).All = true;

    private Pending PendingOf(Guid tenantId)
    {
        var fresh = false;
        var pending = _changed.GetOrAdd(tenantId, _ =>
        {
            fresh = true;
            return new Pending();
        });
        if (fresh) _tenants.Writer.TryWrite(tenantId);
        return pending;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var tenant in _tenants.Reader.ReadAllAsync(stoppingToken))
            {
                await Task.Delay(options.IngestDelay, stoppingToken);
                if (!_changed.TryRemove(tenant, out var pending)) continue;
                try
                {
                    await work.SendAsync(tenant, "system:alerts", AlertEvaluationJob.Permissions,
                        new EvaluateAlertRules(clock.GetUtcNow(), pending.All ? null : pending.Repositories.Keys.ToHashSet()), stoppingToken);
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
