using Faultline.Application.Common.Caching;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Metrics;
using MediatR;

namespace Faultline.Application.Common.Behaviours;

/// <summary>
/// Serves <see cref="ICachedQuery"/> requests (the only ones it is built for: the DI container
/// skips it where the constraint does not hold) from the query cache under a fingerprint of
/// (tenant, tenant data version, canonical query). Ingestion bumps the version with the data, so a
/// result is never served after the data it was computed from changed; old entries age out.
/// The version is read before computing: a result computed from newer data than its version says is
/// harmless, an older one impossible.
/// </summary>
public sealed class QueryCachingBehaviour<TRequest, TResponse>(
    ICurrentPrincipal principal, ITenantDataVersion dataVersion, IQueryResultCache cache, FaultlineMetrics metrics, QueryCacheOutcome outcome)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICachedQuery
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (principal.TenantId is not { } tenantId) return await next();

        var version = await dataVersion.CurrentAsync(cancellationToken);
        var lookup = await cache.GetOrComputeAsync(QueryFingerprint.Of(tenantId, version, typeof(TRequest).Name, request.CacheKey), () =>
        {
            metrics.QueryComputed();
            return next();
        }, cancellationToken);
        metrics.QueryCacheLookup(lookup.Hit);
        outcome.Record(lookup.Hit);
        return lookup.Value;
    }
}
