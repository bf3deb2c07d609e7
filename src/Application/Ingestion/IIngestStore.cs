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
    /// Upserts the events in one transaction, with the hourly rollups and the classification queue;
    /// returns one outcome per event, in order. Nothing is stored if it throws.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> StoreAsync(IReadOnlyList<PipelineEvent> events, CancellationToken cancellationToken);
}

/// <summary>Each tenant's data version, part of every analytics cache key: bumping it makes cached results stale.</summary>
public interface ITenantDataVersion
{
    Task BumpAsync(Guid tenantId, CancellationToken cancellationToken);
}
