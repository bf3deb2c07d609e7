using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Reports;

[RequiresPermission(PermissionName.ReportsManage)]
public sealed record CreateReportSchedule(ReportScheduleInput Report) : IRequest<ReportScheduleDto>;

public sealed class CreateReportScheduleValidator : AbstractValidator<CreateReportSchedule>
{
    public CreateReportScheduleValidator() => RuleFor(r => r.Report).NotNull().SetValidator(new ReportScheduleInputValidator()).OverridePropertyName("");
}

public sealed class CreateReportScheduleHandler(IReportStore store, ReportScheduleReferences references, TimeProvider clock)
    : IRequestHandler<CreateReportSchedule, ReportScheduleDto>
{
    public async Task<ReportScheduleDto> Handle(CreateReportSchedule request, CancellationToken cancellationToken)
    {
        var zone = await references.CheckAsync(request.Report, cancellationToken);
        var now = clock.GetUtcNow();
        var schedule = request.Report.ToSchedule(Guid.CreateVersion7(), zone, paused: false, now, now);
        await store.AddAsync(schedule, cancellationToken);
        // As stored (PostgreSQL keeps microseconds), so what the answer says is what a later read says.
        return ReportScheduleDto.From((await store.FindAsync(schedule.Id, cancellationToken))!, null);
    }
}
