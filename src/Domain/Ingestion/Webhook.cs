namespace Faultline.Domain.Ingestion;

/// <summary>
/// A provider's way into one tenant: the URL carries the hook id, and each delivery proves itself
/// with the hook's secret (GitHub and Jenkins: HMAC-SHA256 of the body; GitLab: the token header).
/// </summary>
public sealed class Webhook(Guid id, Guid tenantId, Provider provider, string name, string secret, DateTimeOffset createdAt)
{
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; } = id;
    public Guid TenantId { get; private set; } = tenantId;
    public Provider Provider { get; private set; } = provider;
    public string Name { get; private set; } = name;

    /// <summary>Kept as is: verifying an HMAC needs the secret itself, not a hash of it.</summary>
    public string Secret { get; private set; } = secret;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
    public DateTimeOffset? LastDeliveryAt { get; private set; }

    public void RecordDelivery(DateTimeOffset at) => LastDeliveryAt = at;
}
