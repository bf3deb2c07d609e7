using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Faultline.Infrastructure.Persistence;

internal sealed class UnitOfWork(CatalogDbContext db) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request took the same unique value first (e-mail, tenant key).
            throw new ConflictException("This was just created by another request; reload and try again.");
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent request changed a row this one read first (a single-use link redeemed twice at once).
            throw new ConflictException("This was just changed by another request; reload and try again.");
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await work(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            // What the failed transaction tracked must not be saved by a later SaveChanges.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
