using Faultline.Application.Webhooks;
using Faultline.Domain.Ingestion;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Ingestion;

internal sealed class WebhookRepository(CatalogDbContext db) : IWebhookRepository
{
    public Task<Webhook?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Webhooks.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);

    public Task<Webhook?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.Webhooks.SingleOrDefaultAsync(h => h.TenantId == tenantId && h.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Webhook>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.Webhooks.AsNoTracking().Where(h => h.TenantId == tenantId).OrderBy(h => h.CreatedAt).ToListAsync(cancellationToken);

    public void Add(Webhook webhook) => db.Webhooks.Add(webhook);

    public void Remove(Webhook webhook) => db.Webhooks.Remove(webhook);

    public Task<bool> WasDeliveredAsync(Guid webhookId, string deliveryId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM catalog.webhook_deliveries WHERE webhook_id = {webhookId} AND delivery_id = {deliveryId}) AS "Value"
            """).SingleAsync(cancellationToken);

    public async Task<bool> RecordDeliveryAsync(Guid webhookId, string? deliveryId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"UPDATE catalog.webhooks SET last_delivery_at = now() WHERE id = {webhookId}", cancellationToken);
        // A replayed dead letter may belong to a hook deleted since: its events are stored, there is nothing to record.
        return deliveryId is null || await db.Database.ExecuteSqlAsync($"""
            INSERT INTO catalog.webhook_deliveries (webhook_id, delivery_id)
            SELECT id, {deliveryId} FROM catalog.webhooks WHERE id = {webhookId}
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;
    }
}

/// <summary>Hook addresses on Faultline:PublicBaseUrl, the address providers reach Faultline at.</summary>
internal sealed class ConfiguredWebhookUrls(Application.Common.Interfaces.IPublicLinks links) : IWebhookUrls
{
    public string For(Webhook hook) => links.To($"/api/v1/hooks/{Domain.EnumCode.Of(hook.Provider)}/{hook.Id}");
}
