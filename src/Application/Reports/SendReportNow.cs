using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Runs a report now, outside its cadence (paused or not), and answers the run: sent, or failed with the reasons.</summary>
[RequiresPermission(PermissionName.ReportsManage)]
public sealed record SendReportNow(Guid Id) : IRequest<ReportRunDto>;

public sealed class SendReportNowHandler(IReportStore store, ReportRunner runner, TimeProvider clock) : IRequestHandler<SendReportNow, ReportRunDto>
{
    public async Task<ReportRunDto> Handle(SendReportNow request, CancellationToken cancellationToken)
    {
        var schedule = await store.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such report.");
        var claim = await store.StartManualRunAsync(schedule, clock.GetUtcNow(), cancellationToken);
        return await runner.RunAsync(claim, cancellationToken);
    }
}
