using System.Net.Sockets;

namespace Faultline.Infrastructure.Notifications;

/// <summary>
/// The HTTP handler for connections tenants choose the address of (alert channels, provider APIs): every
/// connection goes through the target guard, with no proxy and no redirects followed by the handler
/// (a redirect could lead inside; callers that follow one check it the same way).
/// </summary>
internal static class GuardedHttpHandler
{
    public static SocketsHttpHandler Create(DeliveryTargetGuard guard) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await guard.AllowedAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
