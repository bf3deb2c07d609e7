using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Application.Ingestion;
using MediatR;

namespace Faultline.Application.LogFetching;

/// <summary>
/// Downloads the tenant's due job logs from GitHub and GitLab, one attempt each, and stores each through
/// the upload path (<see cref="UploadJobLog"/>), so the failure is classified once its log is in. An
/// attempt stores the log, retries later (backoff, or the provider's rate-limit reset) or gives up; every
/// error is recorded on the hook. Answers how many it attempted.
/// </summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record FetchJobLogs(int Max = 10) : IRequest<int>;

public sealed class FetchJobLogsHandler(
    ILogFetchQueue queue, IJobLogDownloader downloader, ISecretProtector protector, IMediator mediator, LogFetchPolicy policy, TimeProvider clock)
    : IRequestHandler<FetchJobLogs, int>
{
    public async Task<int> Handle(FetchJobLogs request, CancellationToken cancellationToken)
    {
        var due = await queue.ClaimDueAsync(request.Max, cancellationToken);
        foreach (var fetch in due)
            await queue.RecordAsync(fetch, await AttemptAsync(fetch, cancellationToken), cancellationToken);
        return due.Count;
    }

    private async Task<LogFetchAttempt> AttemptAsync(LogFetch fetch, CancellationToken cancellationToken)
    {
        // Claims count attempts; one past the budget means earlier attempts ended unrecorded (the process stopped mid-download).
        if (fetch.Attempt > policy.MaxAttempts)
            return LogFetchAttempt.GaveUp($"Gave up: {fetch.Attempt - 1} attempts were made, the last without an outcome.");
        if (fetch.ProtectedToken is null) return LogFetchAttempt.GaveUp("The hook has no token any more.");
        if (protector.Unprotect(fetch.ProtectedToken) is not { } token)
            return LogFetchAttempt.GaveUp("The hook's token can no longer be decrypted (the server's keys changed); set it again.");

        DownloadResult result;
        try
        {
            result = await downloader.DownloadAsync(new LogLocation(fetch.Source, fetch.ExternalJobId, fetch.ApiBaseUrl), token,
                (body, ct) => mediator.Send(new UploadJobLog(fetch.JobId, body, Gzip: false), ct), cancellationToken);
        }
        catch (NotFoundException)
        {
            return LogFetchAttempt.GaveUp("The job is no longer stored.");
        }
        catch (PayloadTooLargeException exception)
        {
            return LogFetchAttempt.GaveUp(exception.Message);
        }

        return result.Status switch
        {
            DownloadStatus.Downloaded => LogFetchAttempt.Done,
            DownloadStatus.RateLimited => new LogFetchAttempt(false, result.Error, result.RetryAt, RateLimited: true),
            DownloadStatus.Failed when policy.RetryDelay(fetch.Attempt) is { } wait => new LogFetchAttempt(false, result.Error, clock.GetUtcNow() + wait),
            DownloadStatus.Failed => LogFetchAttempt.GaveUp($"{result.Error} Gave up after {fetch.Attempt} attempts."),
            _ => LogFetchAttempt.GaveUp(result.Error!),
        };
    }
}
