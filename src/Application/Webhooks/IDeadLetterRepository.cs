namespace Faultline.Application.Webhooks;

/// <summary>The current tenant's dead letters: provider deliveries kept because their content could not be stored.</summary>
public interface IDeadLetterRepository
{
    /// <summary>
    /// Keeps a delivery with the reasons it was not stored and returns its dead letter's id. With <paramref name="id"/>
    /// (a replay), that dead letter counts one more attempt; otherwise a delivery id seen before (a provider's
    /// redelivery) replaces its dead letter's body and counts one more attempt, and anything else is a new dead letter.
    /// </summary>
    Task<Guid> KeepAsync(Guid? id, WebhookDelivery delivery, IReadOnlyList<string> reasons, CancellationToken cancellationToken);

    /// <summary>Newest first, strictly before <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<DeadLetterEntry>> PageAsync((DateTimeOffset At, Guid Id)? before, int limit, CancellationToken cancellationToken);

    Task<DeadLetter?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes a dead letter (stored at last, or discarded); false when there is none with that id.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes the dead letter of a delivery whose redelivery was stored, if there is one.</summary>
    Task ResolveAsync(Guid hookId, string deliveryId, CancellationToken cancellationToken);
}
