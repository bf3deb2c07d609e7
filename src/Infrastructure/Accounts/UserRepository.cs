using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Accounts;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class UserRepository(CatalogDbContext db) : IUserRepository
{
    public Task<User?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> FindByEmailAsync(EmailAddress email, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);

    public void Add(User user) => db.Users.Add(user);
}
