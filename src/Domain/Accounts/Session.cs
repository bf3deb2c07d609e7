namespace Faultline.Domain.Accounts;

/// <summary>
/// A signed-in browser session, kept server-side so that it can end before its cookie does: at
/// <see cref="ExpiresAt"/> however active it is, or when its row is deleted (sign-out, password reset).
/// </summary>
public sealed class Session(Guid id, Guid userId, DateTimeOffset startedAt, DateTimeOffset expiresAt)
{
    public Guid Id { get; private set; } = id;
    public Guid UserId { get; private set; } = userId;
    public DateTimeOffset StartedAt { get; private set; } = startedAt;
    public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;

    public bool IsActiveFor(Guid userId, DateTimeOffset now) => UserId == userId && now < ExpiresAt;
}
