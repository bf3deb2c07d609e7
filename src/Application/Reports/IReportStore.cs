using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Reports;

namespace Faultline.Application.Reports;

/// <summary>A run taken by this instance: only the holder of its latest attempt may finish it.</summary>
public sealed record ReportRunClaim(Guid RunId, int Attempt, ReportSchedule Schedule, DateTimeOffset AsOf);

/// <summary>A file a run produced, as stored.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>How a run ended, with what it sends; stored in one transaction with the e-mail it queues.</summary>
public sealed record ReportRunOutcome(
    bool Sent, DateTimeOffset FinishedAt, int DurationMs, long SizeBytes, int Pages, DateTimeOffset RangeFrom, DateTimeOffset RangeTo,
    IReadOnlyList<string> Recipients, IReadOnlyList<string> Errors, ReportFile? Pdf, ReportFile? CsvZip, DateTimeOffset FilesExpireAt,
    EmailMessage? Email, Guid? SlackChannelId, string? SlackMessage);

/// <summary>A Slack message of a run waiting to be sent, claimed for one attempt.</summary>
public sealed record PendingReportMessage(Guid RunId, Guid ChannelId, int Attempt, string Message);

/// <summary>The current tenant's report schedules, their runs and files. Each call is its own transaction.</summary>
public interface IReportStore
{
    Task<IReadOnlyList<ReportScheduleStatus>> ListAsync(CancellationToken cancellationToken);

    Task<ReportSchedule?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task AddAsync(ReportSchedule schedule, CancellationToken cancellationToken);

    /// <summary>False when the schedule no longer exists.</summary>
    Task<bool> UpdateAsync(ReportSchedule schedule, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Adds the address to the recipients (or removes it); false when the schedule does not exist.</summary>
    Task<bool> SetSubscriptionAsync(Guid id, string email, bool subscribed, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The tenant's time zone (its settings), the default of new schedules.</summary>
    Task<string> TenantTimeZoneAsync(CancellationToken cancellationToken);

    Task<ReportRunDto?> FindRunAsync(Guid runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReportRunDto>> RunsAsync(Guid scheduleId, int limit, CancellationToken cancellationToken);

    /// <summary>Records a run started by hand now; it has no due time, so it never takes a scheduled run's place.</summary>
    Task<ReportRunClaim> StartManualRunAsync(ReportSchedule schedule, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Claims, in one transaction, every due schedule: one run row per (schedule, due time) — an instance that inserts
    /// none claims nothing — and the schedule's next due time after <paramref name="now"/>, so missed due times are
    /// caught up by one run. Runs left running longer than <paramref name="lease"/> are taken over too.
    /// </summary>
    Task<IReadOnlyList<ReportRunClaim>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Stores the outcome, files and queued e-mail together; false (nothing stored) when the claim was taken over.</summary>
    Task<bool> FinishRunAsync(ReportRunClaim claim, ReportRunOutcome outcome, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingReportMessage>> ClaimMessagesAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a Slack attempt: sent, due again at <paramref name="retryAt"/>, or given up (both null).</summary>
    Task RecordMessageAttemptAsync(PendingReportMessage message, bool sent, DateTimeOffset? retryAt, string? error, CancellationToken cancellationToken);

    /// <summary>A stored file of a run of the current tenant ("pdf" or "csv") that has not expired.</summary>
    Task<ReportFile?> FileAsync(Guid runId, string kind, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A run's PDF, for a signed link: the tenant comes from the link's signature, not from a principal.</summary>
    Task<ReportFile?> SharedPdfAsync(Guid tenantId, Guid runId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes files past their retention; answers how many.</summary>
    Task<int> PruneFilesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
