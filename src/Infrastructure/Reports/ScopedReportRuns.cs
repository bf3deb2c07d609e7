using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Application.Reports;
using Faultline.Domain.Authorization;
using Faultline.Infrastructure.Scheduling;

namespace Faultline.Infrastructure.Reports;

/// <summary>A claimed report run through <see cref="BackgroundWork"/>: its own scope, so runs of one tick can render side by side.</summary>
internal sealed class ScopedReportRuns(BackgroundWork work, ICurrentPrincipal principal) : IReportRunScopes
{
    private static readonly IReadOnlySet<Permission> Permissions = new HashSet<Permission> { Permission.DataRead, Permission.ReportsManage };

    public Task RunAsync(ReportRunClaim claim, CancellationToken cancellationToken) =>
        work.SendAsync(principal.RequireTenant(), principal.Actor ?? "system:reports", Permissions, new RunClaimedReport(claim), cancellationToken);
}
