namespace Faultline.Application.Settings;

public interface ITenantSettingsStore
{
    Task<TenantSettings> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the settings in one transaction: a new time zone re-cuts the daily rollups at the new local
    /// midnight, and any change moves the tenant's data version on so cached metrics are recomputed.
    /// </summary>
    Task SaveAsync(TenantSettings settings, CancellationToken cancellationToken);
}
