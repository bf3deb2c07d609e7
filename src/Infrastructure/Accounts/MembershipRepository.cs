using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Accounts;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class MembershipRepository(CatalogDbContext db) : IMembershipRepository
{
    public Task<Membership?> FindAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.SingleOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken);

    public async Task<IReadOnlyList<MemberSummary>> ListForTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await (from m in db.Memberships
               join u in db.Users on m.UserId equals u.Id
               where m.TenantId == tenantId
               orderby m.JoinedAt, u.Id
               select new { m.UserId, u.Email, m.Role, m.JoinedAt })
            .AsNoTracking()
            .Select(x => new MemberSummary(x.UserId, x.Email.Value, x.Role, x.JoinedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TenantMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await (from m in db.Memberships
               join t in db.Tenants on m.TenantId equals t.Id
               where m.UserId == userId
               orderby t.Name, t.Id
               select new { m.TenantId, t.Key, t.Name, m.Role })
            .AsNoTracking()
            .Select(x => new TenantMembershipSummary(x.TenantId, x.Key.Value, x.Name, x.Role))
            .ToListAsync(cancellationToken);

    /// <summary>Locks the owners' rows until the transaction ends, so two concurrent demotions cannot leave none.</summary>
    public async Task<int> CountOwnersAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        // Outside a transaction the lock would end with this statement and guard nothing.
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Count the owners inside IUnitOfWork.InTransactionAsync, or the lock guards nothing.");

        return await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM (
              SELECT 1 FROM catalog.memberships WHERE tenant_id = {tenantId} AND role = 'owner' FOR UPDATE) owners
            """).SingleAsync(cancellationToken);
    }

    public void Add(Membership membership) => db.Memberships.Add(membership);

    public void Remove(Membership membership) => db.Memberships.Remove(membership);
}
