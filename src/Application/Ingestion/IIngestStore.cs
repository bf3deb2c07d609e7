using Faultline.Domain.Ingestion;

namespace Faultline.Application.Ingestion;

public enum StoreOutcome
{
    Inserted,
    Updated,
    Unchanged,
}

public sealed record StoredEvent(long Id, StoreOutcome Outcome);

/// <summary>The bulk path into the current tenant's schema.</summary>
public interface IIngestStore
{
    /// <summary>
    /// Upserts the events in one transaction, with the rollups, the classification queue and the tenant's data version;
    /// returns one outcome per event, in order. Nothing is stored if it throws.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> StoreAsync(IReadOnlyList<PipelineEvent> events, CancellationToken cancellationToken);
}

