using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Every report schedule of the tenant with its next run and its latest run, by name.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record ListReportSchedules : IRequest<IReadOnlyList<ReportScheduleDto>>;

public sealed class ListReportSchedulesHandler(IReportStore store) : IRequestHandler<ListReportSchedules, IReadOnlyList<ReportScheduleDto>>
{
    public async Task<IReadOnlyList<ReportScheduleDto>> Handle(ListReportSchedules request, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(s => ReportScheduleDto.From(s.Schedule, s.LastRun))];
}
