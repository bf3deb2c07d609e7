namespace Faultline.Domain.Reports;

/// <summary>Where a run is: running (claimed by an instance), sent (e-mail queued, files stored) or failed (nothing sent; its errors say why).</summary>
public enum ReportRunStatus
{
    Running,
    Sent,
    Failed,
}

/// <summary>What started a run: its schedule's due time, or someone's "send now".</summary>
public enum ReportTrigger
{
    Schedule,
    Manual,
}

/// <summary>Where a run's Slack message is: waiting for an attempt (or a retry), sent, or given up.</summary>
public enum ReportMessageStatus
{
    Pending,
    Sent,
    Failed,
}
