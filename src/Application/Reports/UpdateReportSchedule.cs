using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Replaces a schedule's definition; its next run is computed afresh from now, its pause and history stay.</summary>
[RequiresPermission(PermissionName.ReportsManage)]
public sealed record UpdateReportSchedule(Guid Id, ReportScheduleInput Report) : IRequest<ReportScheduleDto>;

public sealed class UpdateReportScheduleValidator : AbstractValidator<UpdateReportSchedule>
{
    public UpdateReportScheduleValidator() => RuleFor(r => r.Report).NotNull().SetValidator(new ReportScheduleInputValidator()).OverridePropertyName("");
}

public sealed class UpdateReportScheduleHandler(IReportStore store, ReportScheduleReferences references, TimeProvider clock)
    : IRequestHandler<UpdateReportSchedule, ReportScheduleDto>
{
    public async Task<ReportScheduleDto> Handle(UpdateReportSchedule request, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such report.");
        var zone = await references.CheckAsync(request.Report, cancellationToken);
        var schedule = request.Report.ToSchedule(existing.Id, zone, existing.Paused, existing.CreatedAt, clock.GetUtcNow());
        if (!await store.UpdateAsync(schedule, cancellationToken)) throw new NotFoundException("No such report.");
        return await ReportScheduleRead.OneAsync(store, schedule.Id, cancellationToken);
    }
}
