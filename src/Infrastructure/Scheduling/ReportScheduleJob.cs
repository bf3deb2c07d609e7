using Faultline.Application.Reports;
using Faultline.Domain.Authorization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Faultline.Infrastructure.Scheduling;

/// <summary>
/// One tick of the report schedule on the clustered Quartz scheduler: every tenant runs its due reports. The tick
/// itself need not be unique: each due time is claimed by a run row (see the report store), so a tick that runs on two
/// instances, or a misfire recovered twice, sends nothing twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReportScheduleJob(BackgroundWork work, ILogger<ReportScheduleJob> logger) : IJob
{
    public static readonly JobKey Key = new("run-reports", "faultline");

    private static readonly IReadOnlySet<Permission> Permissions = new HashSet<Permission> { Permission.DataRead, Permission.ReportsManage };

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var tenant in await work.TenantsAsync(null, cancellationToken))
        {
            try
            {
                await work.SendAsync(tenant, "system:reports", Permissions, new RunDueReports(), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One tenant's trouble must not hold up the others' reports.
                logger.LogWarning(exception, "Reports of tenant {Tenant} could not run", tenant);
            }
        }
    }
}
