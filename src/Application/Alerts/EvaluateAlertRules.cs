using Faultline.Application.Common.Security;
using Faultline.Domain.Alerts;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>
/// Evaluates the tenant's enabled rules as of <see cref="At"/> (the scheduler's minute, or now after
/// ingest for rules that may watch the given repositories). Answers how many rules it evaluated;
/// rules another instance holds, or already evaluated for this instant, are skipped.
/// </summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record EvaluateAlertRules(DateTimeOffset At, IReadOnlyCollection<string>? Repositories = null) : IRequest<int>;

public sealed class EvaluateAlertRulesHandler(IAlertEvaluationStore store, AlertMetricReader reader, AlertNotifications notifications)
    : IRequestHandler<EvaluateAlertRules, int>
{
    public async Task<int> Handle(EvaluateAlertRules request, CancellationToken cancellationToken)
    {
        var evaluated = 0;
        foreach (var (id, repository) in await store.EnabledRulesAsync(cancellationToken))
        {
            if (request.Repositories is { } changed && repository is not null && !changed.Contains(repository)) continue;
            await using var lease = await store.TryLeaseAsync(id, request.At, cancellationToken);
            if (lease is null) continue;

            var rule = lease.Rule;
            AlertEvaluation evaluation;
            string? error = null;
            try
            {
                var readings = await reader.ReadAsync(rule, request.At, cancellationToken);
                evaluation = AlertStateMachine.Apply(rule, lease.States, readings, request.At);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A rule whose metric cannot be computed is in ERROR (as the rule says), not silently OK.
                error = exception.Message;
                evaluation = AlertStateMachine.ApplyError(rule, lease.States, error, request.At);
            }

            await lease.CommitAsync(evaluation, await notifications.OfAsync(rule, evaluation.Notices, request.At, error, cancellationToken), error,
                cancellationToken);
            evaluated++;
        }

        return evaluated;
    }
}
