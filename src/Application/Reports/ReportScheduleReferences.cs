using Faultline.Application.Alerts;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Dashboards;
using Faultline.Domain.Alerts;

namespace Faultline.Application.Reports;

/// <summary>What a schedule names must exist in the current tenant: its dashboard and its Slack channel (an alert channel of kind slack).</summary>
public sealed class ReportScheduleReferences(IDashboardRepository dashboards, IAlertStore alerts, IReportStore store)
{
    /// <summary>Throws a field-named validation error for a missing reference; answers the time zone the schedule runs in.</summary>
    public async Task<string> CheckAsync(ReportScheduleInput input, CancellationToken cancellationToken)
    {
        // Another tenant's dashboard is not found here either: every read is scoped to the caller's tenant.
        if (await dashboards.FindAsync(input.DashboardId!.Value, cancellationToken) is null)
            throw RequestValidationException.For("dashboardId", "No such dashboard.");
        if (input.SlackChannelId is { } channelId
            && (await alerts.ListChannelsAsync(cancellationToken)).SingleOrDefault(c => c.Id == channelId) is not { Kind: ChannelKind.Slack })
            throw RequestValidationException.For("slackChannelId", "No such Slack channel (create one under Alerts → Channels).");
        return input.TimeZone ?? await store.TenantTimeZoneAsync(cancellationToken);
    }
}
