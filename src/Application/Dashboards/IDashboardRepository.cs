using Faultline.Domain.Analytics;

namespace Faultline.Application.Dashboards;

/// <summary>The current tenant's dashboards. Each call is its own transaction: a returned call is durable.</summary>
public interface IDashboardRepository
{
    Task<IReadOnlyList<Dashboard>> ListAsync(CancellationToken cancellationToken);

    Task<Dashboard?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task AddAsync(Dashboard dashboard, CancellationToken cancellationToken);

    /// <summary>Adds the dashboard as the tenant's default unless the tenant has one already.</summary>
    Task AddDefaultIfMissingAsync(Dashboard dashboard, CancellationToken cancellationToken);

    Task UpdateAsync(Dashboard dashboard, CancellationToken cancellationToken);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}
