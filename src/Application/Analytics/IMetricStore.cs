namespace Faultline.Application.Analytics;

/// <summary>Computes metrics over the current tenant's rollups and, where a metric needs them, its raw runs and jobs.</summary>
public interface IMetricStore
{
    Task<MetricResult> ComputeAsync(MetricQuery query, CancellationToken cancellationToken);
}
