using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Accounts;
using Faultline.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Accounts;

internal sealed class PasswordResetRepository(CatalogDbContext db) : IPasswordResetRepository
{
    public Task<PasswordReset?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.PasswordResets.SingleOrDefaultAsync(r => r.TokenHash == tokenHash, cancellationToken);

    public void Add(PasswordReset reset) => db.PasswordResets.Add(reset);
}
