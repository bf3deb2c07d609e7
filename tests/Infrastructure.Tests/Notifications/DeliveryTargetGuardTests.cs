using System.Net;
using Faultline.Infrastructure.Notifications;

namespace Faultline.Infrastructure.Tests.Notifications;

public sealed class DeliveryTargetGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback")]
    [InlineData("127.9.9.9", "a loopback")]
    [InlineData("::1", "a loopback")]
    [InlineData("::ffff:127.0.0.1", "a loopback")]
    [InlineData("10.0.0.1", "a private")]
    [InlineData("172.16.5.4", "a private")]
    [InlineData("172.31.255.255", "a private")]
    [InlineData("192.168.0.10", "a private")]
    [InlineData("100.64.0.1", "a shared (carrier-grade NAT)")]
    [InlineData("169.254.169.254", "a link-local (cloud metadata)")]
    [InlineData("0.0.0.0", "an unspecified")]
    [InlineData("224.0.0.1", "a multicast or reserved")]
    [InlineData("fe80::1", "a link-local")]
    [InlineData("fd00:ec2::254", "a private (unique local)")]
    [InlineData("::", "an unspecified")]
    [InlineData("64:ff9b::7f00:1", "a loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "a link-local (cloud metadata)")]
    [InlineData("64:ff9b::c0a8:1", "a private")]
    [InlineData("64:ff9b:1::a00:1", "a local-use NAT64")]
    [InlineData("64:ff9b:1:5db8:d8:2200::", "a local-use NAT64")]
    [InlineData("2002:7f00:1::1", "a 6to4 (deprecated tunnel)")]
    [InlineData("2002:5db8:d822::1", "a 6to4 (deprecated tunnel)")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "a Teredo (tunnel)")]
    [InlineData("::7f00:1", "an IPv4-compatible (deprecated)")]
    public void Refuses_this_servers_own_network(string address, string why) =>
        Assert.Equal(why, new DeliveryTargetGuard([]).ForbiddenBecause(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::6810:85e5")]
    [InlineData("64:ff9b::5db8:d822")]
    public void Allows_public_addresses(string address) => Assert.Null(new DeliveryTargetGuard([]).ForbiddenBecause(IPAddress.Parse(address)));

    [Fact]
    public void Trusted_ranges_are_allowed_and_nothing_else_of_the_network()
    {
        var guard = new DeliveryTargetGuard(["10.20.0.0/16", "127.0.0.2"]);
        Assert.Null(guard.ForbiddenBecause(IPAddress.Parse("10.20.3.4")));
        Assert.Null(guard.ForbiddenBecause(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(guard.ForbiddenBecause(IPAddress.Parse("10.21.0.1")));
        Assert.NotNull(guard.ForbiddenBecause(IPAddress.Parse("127.0.0.1")));
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://localhost:8080/")]
    [InlineData("https://[::1]/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task Urls_into_the_servers_network_are_refused_with_a_reason(string url) =>
        Assert.Contains("own network", await new DeliveryTargetGuard([]).ProblemWithAsync(new Uri(url), CancellationToken.None));

    [Fact]
    public async Task A_connection_to_a_forbidden_address_is_refused_whatever_the_channel_said()
    {
        var guard = new DeliveryTargetGuard([]);
        await Assert.ThrowsAsync<ForbiddenTargetException>(() => guard.AllowedAddressesAsync("localhost", CancellationToken.None));
    }

    [Fact]
    public void Signatures_are_hmac_sha256_of_timestamp_dot_body() =>
        // Known answer from Python's hmac: hmac.new(b"whsec_test", b"1700000000.{}", hashlib.sha256).hexdigest()
        Assert.Equal("35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91",
            AlertChannelSender.Signature("whsec_test", "1700000000", "{}"));
}
