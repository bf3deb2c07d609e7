namespace Faultline.Domain.Accounts;

/// <summary>A person who signs in. Belongs to tenants through memberships.</summary>
public sealed class User
{
    public Guid Id { get; private set; }
    public EmailAddress Email { get; private set; }
    public string PasswordHash { get; private set; }

    /// <summary>Changes whenever the credentials do, ending every other session.</summary>
    public Guid SecurityStamp { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastLoginAt { get; private set; }

    public User(Guid id, EmailAddress email, string passwordHash, DateTimeOffset createdAt)
    {
        Id = id;
        Email = email;
        PasswordHash = passwordHash;
        SecurityStamp = Guid.NewGuid();
        CreatedAt = createdAt;
    }

    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        SecurityStamp = Guid.NewGuid();
    }

    public void RecordLogin(DateTimeOffset at) => LastLoginAt = at;
}
