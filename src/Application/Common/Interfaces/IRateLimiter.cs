namespace Faultline.Application.Common.Interfaces;

public sealed record RateLimitDecision(bool Allowed, long Count, TimeSpan RetryAfter);

/// <summary>Fixed-window counters shared by every instance (Redis), with an in-process fallback.</summary>
public interface IRateLimiter
{
    /// <summary>Counts one hit in the bucket's window and says whether it stays within the limit.</summary>
    Task<RateLimitDecision> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken cancellationToken);

    Task ResetAsync(string bucket, CancellationToken cancellationToken);
}
