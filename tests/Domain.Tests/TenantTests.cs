using Faultline.Domain.Tenants;

namespace Faultline.Domain.Tests;

public class TenantTests
{
    [Fact]
    public void A_tenant_lives_in_the_schema_derived_from_its_key()
    {
        var tenant = new Tenant(Guid.NewGuid(), TenantKey.Parse("acme"), "  Acme Inc. ", DateTimeOffset.UnixEpoch);

        Assert.Equal("t_acme", tenant.SchemaName);
        Assert.Equal("Acme Inc.", tenant.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_tenant_needs_a_name(string name) =>
        Assert.Throws<ArgumentException>(() => new Tenant(Guid.NewGuid(), TenantKey.Parse("acme"), name, DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_tenant_name_is_at_most_120_characters() =>
        Assert.Throws<ArgumentException>(() =>
            new Tenant(Guid.NewGuid(), TenantKey.Parse("acme"), new string('x', Tenant.MaxNameLength + 1), DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_tenant_needs_an_id() =>
        Assert.Throws<ArgumentException>(() => new Tenant(Guid.Empty, TenantKey.Parse("acme"), "Acme", DateTimeOffset.UnixEpoch));
}
