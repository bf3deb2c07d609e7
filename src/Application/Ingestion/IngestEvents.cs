using System.Text;
using Faultline.Application.Alerts;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Metrics;
using Faultline.Application.Common.Security;
using Faultline.Domain.Ingestion;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Ingestion;

/// <summary>
/// A batch of run and job events. Valid items are stored together, atomically; invalid ones are
/// reported one by one and never block the others.
/// </summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record IngestEvents(IReadOnlyList<EventInput> Items) : IRequest<IngestResult>
{
    public const int MaxItems = 5_000;
}

public sealed class IngestEventsValidator : AbstractValidator<IngestEvents>
{
    public IngestEventsValidator() =>
        RuleFor(r => r.Items).NotEmpty().Must(items => items.Count <= IngestEvents.MaxItems)
            .WithMessage($"A batch holds 1 to {IngestEvents.MaxItems} events.");
}

public sealed record ItemResult(int Index, string Status, long? Id, string? Reason);

public sealed record IngestResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<ItemResult> Items);

public sealed class IngestEventsHandler(EventIngestor ingestor) : IRequestHandler<IngestEvents, IngestResult>
{
    public Task<IngestResult> Handle(IngestEvents request, CancellationToken cancellationToken) =>
        ingestor.IngestAsync(request.Items, cancellationToken);
}

/// <summary>
/// Validates the items of a batch and stores the valid ones together; shared by the events API and
/// the provider webhooks. Logs that came with their jobs are stored once the jobs are.
/// </summary>
public sealed class EventIngestor(
    IIngestStore store, JobLogWriter logs, ICurrentPrincipal principal, IAlertTrigger alerts, FaultlineMetrics metrics)
{
    public async Task<IngestResult> IngestAsync(IReadOnlyList<EventInput> items, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var results = new ItemResult[items.Count];
        var valid = new List<(int Index, PipelineEvent Event)>();
        for (var index = 0; index < items.Count; index++)
        {
            var input = items[index];
            var (pipelineEvent, problem) = input.Item?.ToEvent() ?? (null, input.ParseProblem);
            if (pipelineEvent is null) results[index] = new ItemResult(index, "rejected", null, problem);
            else valid.Add((index, pipelineEvent));
        }

        if (valid.Count > 0)
        {
            var stored = await store.StoreAsync(valid.Select(v => v.Event).ToList(), cancellationToken);
            for (var i = 0; i < valid.Count; i++)
                results[valid[i].Index] = new ItemResult(valid[i].Index, stored[i].Outcome == StoreOutcome.Unchanged ? "duplicate" : "accepted", stored[i].Id, null);
            // Committed: rules watching these repositories look again now, not at the next minute.
            var changed = valid.Where((_, i) => stored[i].Outcome != StoreOutcome.Unchanged).Select(v => v.Event.Repository).ToHashSet();
            if (changed.Count > 0) alerts.DataChanged(tenantId, changed);
            // A log is kept once its job is committed (it needs the job's id); a re-sent delivery replaces it.
            for (var i = 0; i < valid.Count; i++)
            {
                if (items[valid[i].Index].Log is { } log && valid[i].Event is JobEvent)
                    await logs.SaveAsync(stored[i].Id, new MemoryStream(Encoding.UTF8.GetBytes(log)), gzip: false, cancellationToken);
            }
        }

        var result = new IngestResult(results.Count(r => r.Status == "accepted"), results.Count(r => r.Status == "duplicate"),
            results.Count(r => r.Status == "rejected"), results);
        metrics.EventsIngested(result.Accepted, result.Duplicates, result.Rejected);
        return result;
    }
}
