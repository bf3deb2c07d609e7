using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Accounts;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class SessionRepository(CatalogDbContext db) : ISessionRepository
{
    public async Task<Session?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Sessions.FindAsync([id], cancellationToken);

    public void Add(Session session) => db.Sessions.Add(session);

    public void Remove(Session session) => db.Sessions.Remove(session);

    public Task RemoveAllOfUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
