using Faultline.Application.Common.Caching;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Application.Common.Metrics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Faultline.Application.Common.Behaviours;

/// <summary>
/// Serves <see cref="ICachedQuery"/> requests (the only ones it is built for: the DI container
/// skips it where the constraint does not hold) from the query cache under a fingerprint of
/// (tenant, tenant data version, canonical query). Ingestion bumps the version with the data, so a
/// result is never served after the data it was computed from changed; old entries age out.
/// The version is read before computing: a result computed from newer data than its version says is
/// harmless, an older one impossible.
/// </summary>
/// <remarks>
/// A computation serves every caller waiting for the same result, so it must not depend on the one
/// that started it: it runs the handler (this is the innermost behaviour) in a scope of its own, as a
/// snapshot of the principal, under the cache's token, not the request's.
/// </remarks>
public sealed class QueryCachingBehaviour<TRequest, TResponse>(
    ICurrentPrincipal principal, ITenantDataVersion dataVersion, IQueryResultCache cache, FaultlineMetrics metrics, QueryCacheOutcome outcome,
    IServiceScopeFactory scopes)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICachedQuery, IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (principal.TenantId is not { } tenantId) return await next();

        var version = await dataVersion.CurrentAsync(cancellationToken);
        var caller = new PrincipalSnapshot(principal);
        var lookup = await cache.GetOrComputeAsync(QueryFingerprint.Of(tenantId, version, typeof(TRequest).Name, request.CacheKey),
            computation => ComputeAsync(request, caller, computation), cancellationToken);
        metrics.QueryCacheLookup(lookup.Hit);
        outcome.Record(lookup.Hit);
        return lookup.Value;
    }

    private async Task<TResponse> ComputeAsync(TRequest request, ICurrentPrincipal caller, CancellationToken cancellationToken)
    {
        metrics.QueryComputed();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalOverride>().Principal = caller;
        return await scope.ServiceProvider.GetRequiredService<IRequestHandler<TRequest, TResponse>>().Handle(request, cancellationToken);
    }
}
