using Faultline.Domain.Accounts;
using Faultline.Domain.Authorization;
using Faultline.Domain.Tenants;

namespace Faultline.Domain.Tests;

public class AccountRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Ann@Example.COM ", "ann@example.com")]
    [InlineData("first.last+ci@sub.example.co.uk", "first.last+ci@sub.example.co.uk")]
    public void Emails_are_trimmed_and_lower_cased(string raw, string stored) =>
        Assert.Equal(stored, EmailAddress.Parse(raw).Value);

    [Theory]
    [InlineData("Correct-Horse-9")]
    [InlineData("a long passphrase of plain words")]
    [InlineData("Tr0ub4dor&3x")]
    public void Strong_passwords_pass(string password) => Assert.Empty(PasswordPolicy.Problems(password, "ann@example.com"));

    [Theory]
    [InlineData("Short1!")]
    [InlineData("onlylowercase1")]
    [InlineData("Password123")]
    [InlineData("xyxyxyxyxyxyxyxyxy")]
    [InlineData("Ann.Example-2026")]
    public void Weak_passwords_fail_with_a_reason(string password) =>
        Assert.NotEmpty(PasswordPolicy.Problems(password, "ann.example@example.com"));

    [Fact]
    public void A_token_is_redeemable_once_and_only_before_it_expires()
    {
        var reset = new PasswordReset(Guid.NewGuid(), Guid.NewGuid(), "hash", Now);

        Assert.False(reset.IsRedeemable(Now + PasswordReset.Lifetime));
        Assert.True(reset.IsRedeemable(Now.AddMinutes(59)));
        reset.Redeem(Now.AddMinutes(59));
        Assert.False(reset.IsRedeemable(Now.AddMinutes(59)));
        Assert.Throws<DomainRuleException>(() => reset.Redeem(Now.AddMinutes(59)));
    }

    [Fact]
    public void Nobody_is_invited_straight_in_as_owner() =>
        Assert.Throws<DomainRuleException>(() =>
            new Invitation(Guid.NewGuid(), Guid.NewGuid(), EmailAddress.Parse("a@example.com"), Role.Owner, "hash", "ann", Now));

    [Fact]
    public void The_last_owner_can_be_neither_demoted_nor_removed()
    {
        var owner = new Membership(Guid.NewGuid(), Guid.NewGuid(), Role.Owner, Now);

        Assert.Throws<DomainRuleException>(() => owner.ChangeRole(Role.Admin, ownerCount: 1));
        Assert.Throws<DomainRuleException>(() => owner.EnsureRemovable(ownerCount: 1));
        owner.ChangeRole(Role.Admin, ownerCount: 2);
        Assert.Equal(Role.Admin, owner.Role);
    }

    [Fact]
    public void A_password_change_ends_other_sessions_by_changing_the_stamp()
    {
        var user = new User(Guid.NewGuid(), EmailAddress.Parse("a@example.com"), "old", Now);
        var stamp = user.SecurityStamp;

        user.ChangePassword("new");

        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Theory]
    [InlineData("Acme, Inc.", null, "acme_inc")]
    [InlineData("42 Labs", null, "org_42_labs")]
    [InlineData("Müller & Söhne", null, "m_ller_s_hne")]
    [InlineData("X", null, "x_org")]
    [InlineData("Acme", "7f3", "acme_7f3")]
    public void Tenant_keys_derive_from_names(string name, string? suffix, string key) =>
        Assert.Equal(key, TenantKey.FromName(name, suffix).Value);

    [Fact]
    public void A_derived_key_fits_even_for_long_names() =>
        Assert.True(TenantKey.IsValid(TenantKey.FromName(new string('a', 200), "abcd").Value));
}
