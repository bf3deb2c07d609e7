using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

[RequiresPermission(PermissionName.DataRead)]
public sealed record GetReportSchedule(Guid Id) : IRequest<ReportScheduleDto>;

public sealed class GetReportScheduleHandler(IReportStore store) : IRequestHandler<GetReportSchedule, ReportScheduleDto>
{
    public Task<ReportScheduleDto> Handle(GetReportSchedule request, CancellationToken cancellationToken) =>
        ReportScheduleRead.OneAsync(store, request.Id, cancellationToken);
}

/// <summary>One schedule with its latest run, or not found.</summary>
internal static class ReportScheduleRead
{
    public static async Task<ReportScheduleDto> OneAsync(IReportStore store, Guid id, CancellationToken cancellationToken)
    {
        var schedule = await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException("No such report.");
        var runs = await store.RunsAsync(id, 1, cancellationToken);
        return ReportScheduleDto.From(schedule, runs.Count > 0 ? runs[0] : null);
    }
}
