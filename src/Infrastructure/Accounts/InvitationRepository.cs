using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Accounts;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class InvitationRepository(CatalogDbContext db) : IInvitationRepository
{
    public Task<Invitation?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        db.Invitations.SingleOrDefaultAsync(i => i.TenantId == tenantId && i.Id == id, cancellationToken);

    public Task<Invitation?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);

    public async Task<IReadOnlyList<Invitation>> ListPendingAsync(Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Invitations
            .Where(i => i.TenantId == tenantId && i.RedeemedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);

    public void Add(Invitation invitation) => db.Invitations.Add(invitation);

    public void Remove(Invitation invitation) => db.Invitations.Remove(invitation);
}
