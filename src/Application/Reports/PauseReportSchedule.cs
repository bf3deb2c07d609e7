using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Pauses or resumes a schedule. Resuming runs it next at its next due time from now: what was missed while paused is not caught up.</summary>
[RequiresPermission(PermissionName.ReportsManage)]
public sealed record PauseReportSchedule(Guid Id, bool Paused) : IRequest<ReportScheduleDto>;

public sealed class PauseReportScheduleHandler(IReportStore store, TimeProvider clock) : IRequestHandler<PauseReportSchedule, ReportScheduleDto>
{
    public async Task<ReportScheduleDto> Handle(PauseReportSchedule request, CancellationToken cancellationToken)
    {
        var schedule = await store.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such report.");
        var now = clock.GetUtcNow();
        var changed = schedule with
        {
            Paused = request.Paused, UpdatedAt = now,
            NextRunAt = request.Paused ? schedule.NextRunAt : schedule.Cadence.NextAfter(now, schedule.Zone),
        };
        if (!await store.UpdateAsync(changed, cancellationToken)) throw new NotFoundException("No such report.");
        return await ReportScheduleRead.OneAsync(store, schedule.Id, cancellationToken);
    }
}
