namespace Faultline.Application.Reports;

/// <summary>
/// Runs a claimed report of the current tenant in a scope of its own (its own database context), as a system actor of
/// the tenant allowed to run reports: how a tick runs several claims at once.
/// </summary>
public interface IReportRunScopes
{
    Task RunAsync(ReportRunClaim claim, CancellationToken cancellationToken);
}
