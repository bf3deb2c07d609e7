namespace Faultline.Domain.ApiKeys;

/// <summary>
/// A program's credential for one tenant. Only a hash of the secret is kept; the prefix identifies
/// the key in lists and logs without revealing it.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }
    public string Prefix { get; private set; }
    public string SecretHash { get; private set; }
    public IReadOnlyList<ApiKeyScope> Scopes { get; private set; }
    /// <summary>Who created it: the actor label of the user or key.</summary>
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public ApiKey(Guid id, Guid tenantId, string name, string prefix, string secretHash, IReadOnlyList<ApiKeyScope> scopes,
        string createdBy, DateTimeOffset createdAt)
    {
        if (scopes.Count == 0) throw new DomainRuleException("A key needs at least one scope.");
        Id = id;
        TenantId = tenantId;
        Name = name.Trim();
        Prefix = prefix;
        SecretHash = secretHash;
        Scopes = scopes.Distinct().Order().ToList();
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
