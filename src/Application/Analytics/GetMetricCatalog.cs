using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Analytics;
using MediatR;

namespace Faultline.Application.Analytics;

public sealed record MetricDefinitionDto(
    string Code, string Title, string Description, [property: EnumCodes<MetricShape>] string Shape, [property: EnumCodes<MetricUnit>] string Unit,
    [property: EnumCodes<Dimension>] IReadOnlyList<string> Filters, [property: EnumCodes<Dimension>] IReadOnlyList<string> GroupBys, bool Bucketed);

/// <summary>Every metric a query or widget can ask for, with what it can be filtered and grouped by.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record GetMetricCatalog : IRequest<IReadOnlyList<MetricDefinitionDto>>;

public sealed class GetMetricCatalogHandler : IRequestHandler<GetMetricCatalog, IReadOnlyList<MetricDefinitionDto>>
{
    public Task<IReadOnlyList<MetricDefinitionDto>> Handle(GetMetricCatalog request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MetricDefinitionDto>>(MetricCatalog.All.Select(m => new MetricDefinitionDto(
            m.Code, m.Title, m.Description, EnumCode.Of(m.Shape), EnumCode.Of(m.Unit), m.Filters.Select(EnumCode.Of).ToList(),
            m.GroupBys.Select(EnumCode.Of).ToList(), m.Bucketed)).ToList());
}
