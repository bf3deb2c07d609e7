using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Tenants;
using Faultline.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Faultline.Infrastructure.Persistence;

internal sealed class TenantCatalog(CatalogDbContext db, IUnitOfWork unitOfWork) : ITenantCatalog
{
    public Task<Tenant?> FindAsync(TenantKey key, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);

    public Task<Tenant?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().OrderBy(t => t.SchemaName).ToListAsync(cancellationToken);

    public void Update(Tenant tenant) => db.Tenants.Update(tenant);

    public Task CreateAsync(Tenant tenant, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(async ct =>
        {
            db.Tenants.Add(tenant);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException($"The tenant key '{tenant.Key}' is already taken.");
            }

            await SchemaMigrator.CreateTenantSchemaAsync((NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction(), tenant.SchemaName, ct);
            return true;
        }, cancellationToken);
}
