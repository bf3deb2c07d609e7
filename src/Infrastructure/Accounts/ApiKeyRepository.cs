using Faultline.Application.Common.Interfaces;
using Faultline.Domain.ApiKeys;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class ApiKeyRepository(CatalogDbContext db) : IApiKeyRepository
{
    public Task<ApiKey?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.SingleOrDefaultAsync(k => k.TenantId == tenantId && k.Id == id, cancellationToken);

    public Task<ApiKey?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        db.ApiKeys.SingleOrDefaultAsync(k => k.SecretHash == secretHash, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenantId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    public void Add(ApiKey key) => db.ApiKeys.Add(key);
}
