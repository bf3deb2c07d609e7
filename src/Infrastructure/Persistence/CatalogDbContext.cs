using Faultline.Domain;
using Faultline.Domain.Accounts;
using Faultline.Domain.ApiKeys;
using Faultline.Domain.Audit;
using Faultline.Domain.Authorization;
using Faultline.Domain.Ingestion;
using Faultline.Domain.Tenants;
using Faultline.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Faultline.Infrastructure.Persistence;

/// <summary>EF Core model of the catalog schema; the tables themselves come from the SQL migrations.</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    internal DbSet<OutboxEmail> EmailOutbox => Set<OutboxEmail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Migrations.SchemaMigrator.CatalogSchema);

        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.Property(t => t.Key).HasConversion(key => key.Value, value => TenantKey.Parse(value));
        });

        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Email).HasConversion(email => email.Value, value => EmailAddress.Parse(value));
        });

        modelBuilder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasKey(m => new { m.TenantId, m.UserId });
            membership.Property(m => m.Role).HasConversion(role => EnumCode.Of(role), code => EnumCode.Parse<Role>(code));
            membership.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId);
            membership.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.Property(i => i.Email).HasConversion(email => email.Value, value => EmailAddress.Parse(value));
            invitation.Property(i => i.Role).HasConversion(role => EnumCode.Of(role), code => EnumCode.Parse<Role>(code));
            invitation.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId);
            // Redeemed once even by two requests at once: the UPDATE applies only while still unredeemed.
            invitation.Property(i => i.RedeemedAt).IsConcurrencyToken();
        });

        modelBuilder.Entity<PasswordReset>(reset =>
        {
            reset.ToTable("password_resets");
            reset.HasOne<User>().WithMany().HasForeignKey(r => r.UserId);
            reset.Property(r => r.RedeemedAt).IsConcurrencyToken();
        });

        modelBuilder.Entity<Session>(session =>
        {
            session.ToTable("sessions");
            session.HasOne<User>().WithMany().HasForeignKey(s => s.UserId);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.Property(k => k.Scopes)
                .HasConversion(
                    scopes => scopes.Select(EnumCode.Of).ToArray(),
                    codes => codes.Select(EnumCode.Parse<ApiKeyScope>).ToList(),
                    new ValueComparer<IReadOnlyList<ApiKeyScope>>((a, b) => a!.SequenceEqual(b!), s => s.Aggregate(0, HashCode.Combine), s => s.ToList()))
                .HasColumnType("text[]");
            key.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_log");
            entry.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId);
        });

        modelBuilder.Entity<Webhook>(hook =>
        {
            hook.ToTable("webhooks");
            hook.Property(h => h.Provider).HasConversion(provider => EnumCode.Of(provider), code => EnumCode.Parse<Provider>(code));
            hook.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId);
        });

        modelBuilder.Entity<OutboxEmail>().ToTable("email_outbox");

        // Columns are snake_case, as the SQL migrations write them.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        foreach (var property in entity.GetProperties())
            property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
