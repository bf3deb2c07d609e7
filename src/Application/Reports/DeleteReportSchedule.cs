using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Deletes a schedule with its runs and stored files (e-mail already queued still goes).</summary>
[RequiresPermission(PermissionName.ReportsManage)]
public sealed record DeleteReportSchedule(Guid Id) : IRequest<Unit>;

public sealed class DeleteReportScheduleHandler(IReportStore store) : IRequestHandler<DeleteReportSchedule, Unit>
{
    public async Task<Unit> Handle(DeleteReportSchedule request, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(request.Id, cancellationToken)) throw new NotFoundException("No such report.");
        return Unit.Value;
    }
}
