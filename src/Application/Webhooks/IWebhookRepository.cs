using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

public interface IWebhookRepository
{
    /// <summary>Any tenant's hook: a delivery names its hook before a tenant is known.</summary>
    Task<Webhook?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<Webhook?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Webhook>> ListAsync(Guid tenantId, CancellationToken cancellationToken);

    void Add(Webhook webhook);

    void Remove(Webhook webhook);

    Task<bool> WasDeliveredAsync(Guid webhookId, string deliveryId, CancellationToken cancellationToken);

    /// <summary>Records a processed delivery id and stamps the hook; false when the delivery was seen before.</summary>
    Task<bool> RecordDeliveryAsync(Guid webhookId, string? deliveryId, CancellationToken cancellationToken);
}
