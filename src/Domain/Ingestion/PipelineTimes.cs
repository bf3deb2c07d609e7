namespace Faultline.Domain.Ingestion;

/// <summary>
/// When a run or job was queued, started and finished. The product's time rule: each time that is known
/// comes no later than the next one known (queued ≤ started ≤ finished, and queued ≤ finished without a start);
/// the database holds every stored row to it.
/// </summary>
public readonly record struct PipelineTimes(DateTimeOffset? QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public bool InOrder => !(QueuedAt > StartedAt || StartedAt > FinishedAt || QueuedAt > FinishedAt);

    /// <summary>
    /// The same times brought into order the way a provider's clocks disagree: the start is the anchor (the runner's
    /// clock), a finish before it moves up to it, and a queue time after the start (or after the finish, without
    /// a start) moves down to it. Mirrored by the merge of the ingest store and by migration V0008.
    /// </summary>
    public PipelineTimes Clamped()
    {
        var finished = FinishedAt is { } f && StartedAt is { } s && f < s ? s : FinishedAt;
        var queued = QueuedAt is { } q && (StartedAt ?? finished) is { } next && q > next ? next : QueuedAt;
        return new PipelineTimes(queued, StartedAt, finished);
    }
}
