using Faultline.Domain.Accounts;

namespace Faultline.Application.Common.Interfaces;

/// <summary>The live browser sessions; a session without a row is over.</summary>
public interface ISessionRepository
{
    Task<Session?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Session session);

    void Remove(Session session);

    /// <summary>Ends every session of the user at once (not deferred to the unit of work).</summary>
    Task RemoveAllOfUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of sessions that are over anyway, at once.</summary>
    Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
