using Faultline.Domain.Ingestion;

namespace Faultline.Application.LogFetching;

/// <summary>Where a delivery's jobs keep their logs: the provider's project ("owner/repo", or GitLab's project id) and GitLab's instance.</summary>
public sealed record LogSource(Provider Provider, string Project, string? InstanceUrl);

/// <summary>A claimed download, with the hook's protected token and API address as they are now.</summary>
public sealed record LogFetch(long Id, Guid WebhookId, long JobId, LogSource Source, string ExternalJobId, int Attempt, string? ProtectedToken,
    string? ApiBaseUrl);

/// <summary>What became of one attempt: the log stored, a retry at <see cref="RetryAt"/>, or given up (neither).</summary>
public sealed record LogFetchAttempt(bool Stored, string? Error, DateTimeOffset? RetryAt, bool RateLimited = false)
{
    public static readonly LogFetchAttempt Done = new(true, null, null);

    public static LogFetchAttempt GaveUp(string error) => new(false, error, null);
}

/// <summary>The durable queue of log downloads (the current tenant's part of it).</summary>
public interface ILogFetchQueue
{
    /// <summary>
    /// Queues a download, due at <paramref name="notBefore"/>, for each of <paramref name="jobIds"/> that failed and has no log yet,
    /// when the hook has a token; a job already queued keeps its entry.
    /// </summary>
    Task EnqueueAsync(Guid webhookId, LogSource source, IReadOnlyCollection<long> jobIds, DateTimeOffset notBefore,
        CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="max"/> due downloads for a while; each claim counts as an attempt.</summary>
    Task<IReadOnlyList<LogFetch>> ClaimDueAsync(int max, CancellationToken cancellationToken);

    /// <summary>Records the attempt on the download and on its hook (the last error, shown in the hook list).</summary>
    Task RecordAsync(LogFetch fetch, LogFetchAttempt attempt, CancellationToken cancellationToken);
}
