using System.Net;
using System.Net.Sockets;
using Faultline.Application.Alerts;

namespace Faultline.Infrastructure.Notifications;

/// <summary>
/// The server-side request forgery guard of alert deliveries and provider API calls: a URL may not lead to this server's
/// own network (loopback, private, link-local with the cloud metadata address, unspecified,
/// multicast, and IPv6 addresses that lead there through IPv4 translation or tunnels), unless an
/// operator listed the address in Faultline:Alerts:TrustedTargets (IPs or CIDR ranges of internal
/// receivers). Checked when a channel is created and again for the address each
/// delivery connects to, so a DNS answer that changes later gets nowhere.
/// </summary>
public sealed class DeliveryTargetGuard(IReadOnlyList<string> trustedTargets) : IDeliveryTargetGuard
{
    private readonly IReadOnlyList<(IPAddress Network, int Prefix)> _trusted = trustedTargets.Select(ParseRange).ToList();

    public async Task<string?> ProblemWithAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https")) return "Only http and https URLs can receive alerts.";
        IPAddress[] addresses;
        try
        {
            addresses = await AddressesOfAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host name '{url.Host}' does not resolve.";
        }

        return addresses.Select(a => ForbiddenBecause(a) is { } why ? $"'{url.Host}' is {why} address ({a}); Faultline never connects to this server's own network." : null)
            .FirstOrDefault(p => p is not null);
    }

    /// <summary>The addresses of a host, all of them allowed, for a connection; throws when any is not.</summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await AddressesOfAsync(host, cancellationToken);
        foreach (var address in addresses)
        {
            if (ForbiddenBecause(address) is { } why)
                throw new ForbiddenTargetException($"'{host}' is {why} address ({address}); Faultline never connects to this server's own network.");
        }

        return addresses;
    }

    private static async Task<IPAddress[]> AddressesOfAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    /// <summary>Why the server must not connect to <paramref name="address"/> ("a loopback"…), or null.</summary>
    public string? ForbiddenBecause(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (_trusted.Any(range => InRange(address, range.Network, range.Prefix))) return null;
        return Classify(address);
    }

    internal static string? Classify(IPAddress address)
    {
        if (IPAddress.IsLoopback(address)) return "a loopback";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "an unspecified",
                10 => "a private",
                100 when b[1] is >= 64 and < 128 => "a shared (carrier-grade NAT)",
                169 when b[1] == 254 => "a link-local (cloud metadata)",
                172 when b[1] is >= 16 and < 32 => "a private",
                192 when b[1] == 168 => "a private",
                192 when b[1] == 0 && b[2] == 0 => "a reserved",
                >= 224 => "a multicast or reserved",
                _ => null,
            };
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return "an unspecified";
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "a link-local";
        if (address.IsIPv6Multicast) return "a multicast";
        // IPv6 ranges that lead to IPv4: the well-known NAT64 prefix is how IPv6-only servers reach IPv4
        // receivers, so it is judged by the IPv4 address in its last 32 bits. The rest are refused whole:
        // local-use NAT64 translates into a network of the operator's choosing, and the tunnels (6to4,
        // Teredo, IPv4-compatible) are deprecated and relay to IPv4 addresses this guard would not see.
        var v6 = address.GetAddressBytes();
        return v6 switch
        {
            [0xFC or 0xFD, ..] => "a private (unique local)",
            [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0, ..] => Classify(new IPAddress(v6[12..])),
            [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01, ..] => "a local-use NAT64",
            [0x20, 0x02, ..] => "a 6to4 (deprecated tunnel)",
            [0x20, 0x01, 0x00, 0x00, ..] => "a Teredo (tunnel)",
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ..] => "an IPv4-compatible (deprecated)",
            _ => null,
        };
    }

    private static (IPAddress, int) ParseRange(string text)
    {
        var parts = text.Trim().Split('/', 2);
        var network = IPAddress.Parse(parts[0]);
        var bits = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return (network, parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : bits);
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var (a, n) = (address.GetAddressBytes(), network.GetAddressBytes());
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) return false;
        }

        return true;
    }
}

/// <summary>A delivery was refused because its address is inside this server's own network.</summary>
public sealed class ForbiddenTargetException(string message) : Exception(message);
