using Faultline.Application.Common.Caching;
using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Analytics;

/// <summary>One metric over a time range; served from the query cache while the tenant's data is unchanged.</summary>
[RequiresPermission("data:read")]
public sealed record QueryMetric(MetricSpec Spec, DateTimeOffset From, DateTimeOffset To) : IRequest<MetricResult>, ICachedQuery
{
    public string CacheKey => MetricQuery.Of(Spec, From, To).CanonicalKey;
}

public sealed class QueryMetricValidator : AbstractValidator<QueryMetric>
{
    public QueryMetricValidator()
    {
        RuleFor(r => r.Spec).NotNull().SetValidator(new MetricSpecValidator());
        TimeRangeRules.Apply(this, r => r.From, r => r.To, r => r.Spec?.Bucket);
    }
}

public sealed class QueryMetricHandler(IMetricStore store) : IRequestHandler<QueryMetric, MetricResult>
{
    public Task<MetricResult> Handle(QueryMetric request, CancellationToken cancellationToken) =>
        store.ComputeAsync(MetricQuery.Of(request.Spec, request.From, request.To), cancellationToken);
}
