using Faultline.Application.Webhooks;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Ingestion;

/// <summary>catalog.webhook_tokens, through the catalog context, so a write joins the unit of work's transaction.</summary>
internal sealed class WebhookTokenStore(CatalogDbContext db) : IWebhookTokenStore
{
    public async Task<ProviderApiAccess?> FindAsync(Guid webhookId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<AccessRow>($"""
            SELECT token_protected AS "ProtectedToken", api_base_url AS "ApiBaseUrl" FROM catalog.webhook_tokens WHERE webhook_id = {webhookId}
            """).SingleOrDefaultAsync(cancellationToken) is { } row
            ? new ProviderApiAccess(row.ProtectedToken, row.ApiBaseUrl)
            : null;

    public Task SaveAsync(Guid webhookId, ProviderApiAccess access, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO catalog.webhook_tokens AS t (webhook_id, token_protected, api_base_url)
            VALUES ({webhookId}, {access.ProtectedToken}, {access.ApiBaseUrl})
            ON CONFLICT (webhook_id) DO UPDATE SET token_protected = excluded.token_protected, api_base_url = excluded.api_base_url, updated_at = now(),
                last_fetch_error = NULL, last_fetch_error_at = NULL
            """, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, ProviderApiDto>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<StateRow>($"""
            SELECT t.webhook_id AS "WebhookId", t.token_protected IS NOT NULL AS "TokenSet", t.api_base_url AS "ApiBaseUrl",
                   t.last_fetch_error AS "LastFetchError", t.last_fetch_error_at AS "LastFetchErrorAt", t.last_fetched_at AS "LastFetchedAt"
            FROM catalog.webhook_tokens t JOIN catalog.webhooks w ON w.id = t.webhook_id
            WHERE w.tenant_id = {tenantId}
            """).ToListAsync(cancellationToken))
        .ToDictionary(r => r.WebhookId, r => new ProviderApiDto(r.TokenSet, r.ApiBaseUrl, r.LastFetchError, r.LastFetchErrorAt, r.LastFetchedAt));

    private sealed record AccessRow(string? ProtectedToken, string? ApiBaseUrl);

    private sealed record StateRow(Guid WebhookId, bool TokenSet, string? ApiBaseUrl, string? LastFetchError, DateTimeOffset? LastFetchErrorAt,
        DateTimeOffset? LastFetchedAt);
}
