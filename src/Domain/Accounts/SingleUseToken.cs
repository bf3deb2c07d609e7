namespace Faultline.Domain.Accounts;

/// <summary>
/// Something granted through a secret link (an invitation, a password reset): only the token's hash
/// is kept, it expires, and it can be redeemed once.
/// </summary>
public abstract class SingleUseToken
{
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RedeemedAt { get; private set; }

    protected SingleUseToken(string tokenHash, DateTimeOffset createdAt, TimeSpan lifetime)
    {
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + lifetime;
    }

    public bool IsRedeemable(DateTimeOffset now) => RedeemedAt is null && now < ExpiresAt;

    public void Redeem(DateTimeOffset now)
    {
        if (!IsRedeemable(now)) throw new DomainRuleException("This link has expired or was already used.");
        RedeemedAt = now;
    }
}
