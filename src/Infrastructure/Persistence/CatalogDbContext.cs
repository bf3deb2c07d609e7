using Faultline.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Faultline.Infrastructure.Persistence;

/// <summary>EF Core model of the catalog schema; the tables themselves come from the SQL migrations.</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Migrations.SchemaMigrator.CatalogSchema);
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
            tenant.Property(t => t.Key).HasColumnName("key")
                .HasConversion(key => key.Value, value => TenantKey.Parse(value));
            tenant.Property(t => t.Name).HasColumnName("name");
            tenant.Property(t => t.SchemaName).HasColumnName("schema_name");
            tenant.Property(t => t.CreatedAt).HasColumnName("created_at");
        });
    }
}
