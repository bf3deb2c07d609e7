namespace Faultline.Domain.Tenants;

/// <summary>An organisation using Faultline; all of its data lives in its own schema.</summary>
public sealed class Tenant
{
    public const int MaxNameLength = 120;

    public Guid Id { get; private set; }
    public TenantKey Key { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Stored, not only derived: the catalog is where data access reads it from.</summary>
    public string SchemaName { get; private set; }

    public Tenant(Guid id, TenantKey key, string name, DateTimeOffset createdAt)
    {
        if (id == Guid.Empty) throw new ArgumentException("A tenant needs an id.", nameof(id));
        ArgumentNullException.ThrowIfNull(key);
        Id = id;
        Key = key;
        Name = Valid(name);
        SchemaName = key.SchemaName;
        CreatedAt = createdAt;
    }

    public void Rename(string name) => Name = Valid(name);

    private static string Valid(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? throw new ArgumentException($"A tenant name has 1 to {MaxNameLength} characters.", nameof(name))
            : name.Trim();
}
