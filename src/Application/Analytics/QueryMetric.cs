using Faultline.Application.Common.Caching;
using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Analytics;

/// <summary>One metric over a time range; served from the query cache while the tenant's data is unchanged.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record QueryMetric(MetricSpec Spec, DateTimeOffset? From, DateTimeOffset? To) : IRequest<MetricResult>, ICachedQuery
{
    /// <summary>The canonical query; only once validated (the range is required).</summary>
    public MetricQuery Query => MetricQuery.Of(Spec, From!.Value, To!.Value);

    public string CacheKey => Query.CanonicalKey;
}

public sealed class QueryMetricValidator : AbstractValidator<QueryMetric>
{
    public QueryMetricValidator()
    {
        RuleFor(r => r.Spec).NotNull().SetValidator(new MetricSpecValidator());
        RuleFor(r => r.From).NotNull();
        RuleFor(r => r.To).NotNull();
        When(r => r.From is not null && r.To is not null, () => TimeRangeRules.Apply(this, r => r.From!.Value, r => r.To!.Value, r => r.Spec?.Bucket));
    }
}

public sealed class QueryMetricHandler(IMetricStore store) : IRequestHandler<QueryMetric, MetricResult>
{
    public Task<MetricResult> Handle(QueryMetric request, CancellationToken cancellationToken) =>
        store.ComputeAsync(request.Query, cancellationToken);
}
