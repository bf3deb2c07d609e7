using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Tenants;
using Faultline.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Faultline.Infrastructure.Persistence;

internal sealed class TenantCatalog(CatalogDbContext db) : ITenantCatalog
{
    public Task<Tenant?> FindAsync(TenantKey key, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().OrderBy(t => t.SchemaName).ToListAsync(cancellationToken);

    public async Task CreateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(cancellationToken);
            await SchemaMigrator.CreateTenantSchemaAsync((NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction)transaction.GetDbTransaction(), tenant.SchemaName, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"The tenant key '{tenant.Key}' is already taken.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
