using Faultline.Domain.Ingestion;

namespace Faultline.Application.LogFetching;

/// <summary>
/// A job's log at its provider. <see cref="ApiBaseUrl"/> is the hook's own API address (GitHub Enterprise,
/// self-managed GitLab); without it, GitLab's instance named by the delivery, or the provider's default.
/// </summary>
public sealed record LogLocation(LogSource Source, string JobId, string? ApiBaseUrl);

public enum DownloadStatus
{
    Downloaded,

    /// <summary>Not worth asking again: the log expired or the job is gone (404, 410), the token was refused (401, 403), or another 4xx.</summary>
    Refused,

    /// <summary>Rate limited until <see cref="DownloadResult.RetryAt"/>.</summary>
    RateLimited,

    /// <summary>A network error, a timeout or a 5xx: worth retrying.</summary>
    Failed,
}

/// <summary>The outcome of a download; <see cref="Error"/> says what the provider answered ("GitHub answered 401: Bad credentials").</summary>
public sealed record DownloadResult(DownloadStatus Status, string? Error = null, DateTimeOffset? RetryAt = null);

/// <summary>Downloads job logs from the providers' APIs.</summary>
public interface IJobLogDownloader
{
    /// <summary>
    /// Asks the provider for the log and hands its body to <paramref name="store"/>. Every answer is an outcome, never an exception;
    /// what <paramref name="store"/> throws, other than a broken connection, is passed on.
    /// </summary>
    Task<DownloadResult> DownloadAsync(LogLocation location, string token, Func<Stream, CancellationToken, Task> store,
        CancellationToken cancellationToken);
}
