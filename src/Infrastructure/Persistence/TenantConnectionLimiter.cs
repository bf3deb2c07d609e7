using System.Collections.Concurrent;
using Faultline.Application.Common.Exceptions;

namespace Faultline.Infrastructure.Persistence;

/// <summary>
/// Counts each tenant's open tenant connections in this process: a tenant at its limit waits
/// briefly for one of its own to close, then is refused, while other tenants keep their share.
/// </summary>
public sealed class TenantConnectionLimiter(TenantDatabaseLimits limits)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _slots = new();

    /// <summary>Takes one of the tenant's slots; disposing the result gives it back.</summary>
    public async Task<IDisposable> EnterAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var slots = _slots.GetOrAdd(tenantId, _ => new SemaphoreSlim(limits.MaxConnectionsPerTenant));
        if (!await slots.WaitAsync(limits.ConnectionWait, cancellationToken))
            throw new ServiceUnavailableException(
                $"Your organisation already runs {limits.MaxConnectionsPerTenant} database queries at once. Try again shortly.", RetryAfter);
        return new Slot(slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
