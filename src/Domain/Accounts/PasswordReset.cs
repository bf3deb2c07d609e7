namespace Faultline.Domain.Accounts;

/// <summary>A short-lived permission to set a new password.</summary>
public sealed class PasswordReset(Guid id, Guid userId, string tokenHash, DateTimeOffset createdAt)
    : SingleUseToken(tokenHash, createdAt, Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Guid Id { get; private set; } = id;
    public Guid UserId { get; private set; } = userId;
}
