using Faultline.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Faultline.Application.Reports;

/// <summary>
/// One tick of the report schedule for the current tenant: claims and runs every due report (each due time once,
/// whichever instance claims it; missed due times caught up by one run), retries due Slack messages, and deletes files
/// past their retention. Answers how many reports ran. Claimed runs render <see cref="ReportOptions.Parallelism"/> at a
/// time, each in a scope of its own: the claim (one run row per schedule and due time) already made each one this
/// instance's alone.
/// </summary>
[RequiresPermission(PermissionName.ReportsManage)]
public sealed record RunDueReports : IRequest<int>;

public sealed class RunDueReportsHandler(IReportStore store, IReportRunScopes runs, ReportMessageDelivery messages, ReportOptions options,
    TimeProvider clock, ILogger<RunDueReportsHandler> logger) : IRequestHandler<RunDueReports, int>
{
    public async Task<int> Handle(RunDueReports request, CancellationToken cancellationToken)
    {
        var claims = await store.ClaimDueAsync(clock.GetUtcNow(), options.RunLease, cancellationToken);
        await Parallel.ForEachAsync(claims, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
            async (claim, token) =>
            {
                try
                {
                    await runs.RunAsync(claim, token);
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    // The run stays running and is taken over once its lease lapses; the other reports still go.
                    logger.LogWarning(exception, "Report run {Run} of schedule {Schedule} failed", claim.RunId, claim.Schedule.Id);
                }
            });

        while (await messages.DeliverDueAsync(cancellationToken) > 0)
        {
        }

        await store.PruneFilesAsync(clock.GetUtcNow(), cancellationToken);
        return claims.Count;
    }
}
