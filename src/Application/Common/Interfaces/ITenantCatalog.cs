using Faultline.Domain.Tenants;

namespace Faultline.Application.Common.Interfaces;

/// <summary>The catalog of tenants, and the creation of their schemas.</summary>
public interface ITenantCatalog
{
    Task<Tenant?> FindAsync(TenantKey key, CancellationToken cancellationToken);

    Task<Tenant?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a changed tenant with the unit of work.</summary>
    void Update(Tenant tenant);

    /// <summary>
    /// Records the tenant, with whatever else the unit of work holds, and creates its schema at the
    /// current migration version, in one transaction (the caller's, if one is open). Throws
    /// <see cref="Exceptions.ConflictException"/> when the key is taken.
    /// </summary>
    Task CreateAsync(Tenant tenant, CancellationToken cancellationToken);
}
