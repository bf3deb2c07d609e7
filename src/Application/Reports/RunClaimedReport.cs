using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Reports;

/// <summary>Runs one report that a tick of <see cref="RunDueReports"/> claimed (not an endpoint: the tick sends it, one scope per claim).</summary>
[RequiresPermission(PermissionName.ReportsManage)]
public sealed record RunClaimedReport(ReportRunClaim Claim) : IRequest<ReportRunDto>;

public sealed class RunClaimedReportHandler(ReportRunner runner) : IRequestHandler<RunClaimedReport, ReportRunDto>
{
    public Task<ReportRunDto> Handle(RunClaimedReport request, CancellationToken cancellationToken) => runner.RunAsync(request.Claim, cancellationToken);
}
