namespace Faultline.Application.Common.Caching;

/// <summary>The version of the current tenant's data: changes whenever ingestion changes runs or jobs.</summary>
public interface ITenantDataVersion
{
    Task<long> CurrentAsync(CancellationToken cancellationToken);
}
