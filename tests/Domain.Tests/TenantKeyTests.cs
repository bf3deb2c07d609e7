using Faultline.Domain.Tenants;

namespace Faultline.Domain.Tests;

public class TenantKeyTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("big_corp_2")]
    [InlineData("abc")]
    [InlineData("a234567890123456789012345678901234567890")]
    public void Accepts_lowercase_identifiers(string candidate)
    {
        Assert.True(TenantKey.IsValid(candidate));
        Assert.Equal("t_" + candidate, TenantKey.Parse(candidate).SchemaName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Acme")]
    [InlineData("1acme")]
    [InlineData("_acme")]
    [InlineData("acme-corp")]
    [InlineData("acme;drop")]
    [InlineData("acme\"x")]
    [InlineData("a2345678901234567890123456789012345678901")]
    public void Rejects_anything_that_is_not_a_safe_identifier(string? candidate)
    {
        Assert.False(TenantKey.IsValid(candidate));
        if (candidate is not null) Assert.Throws<ArgumentException>(() => TenantKey.Parse(candidate));
    }

    [Fact]
    public void Keys_with_the_same_value_are_equal() =>
        Assert.Equal(TenantKey.Parse("acme"), TenantKey.Parse("acme"));
}
