using System.Net;
using System.Net.Sockets;
using System.Text;
using Faultline.Application.Alerts;
using Faultline.Domain.Alerts;
using Faultline.Infrastructure.Notifications;

namespace Faultline.Infrastructure.Tests.Notifications;

public sealed class AlertChannelSenderTests
{
    private const int HugeAnswerBytes = 64 << 20;

    private static readonly AlertNotification Notification = new(Guid.NewGuid(), "alert.firing", Guid.NewGuid(), "Failure rate", "critical", "firing",
        0.5, "> 50%", "Failure rate", DateTimeOffset.UnixEpoch, "https://faultline.test/alerts/rules/1", null,
        [new AlertGroupNotification(null, "pending", 0.8, "80%", [0.2, 0.8], null, null, null, null)]);

    [Theory]
    [InlineData(ChannelKind.Webhook, 500)]
    [InlineData(ChannelKind.Slack, 200)]
    public async Task A_huge_answer_is_read_only_as_far_as_the_outcome_needs(ChannelKind kind, int status)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var served = AnswerHugelyAsync(listener, status);
        using var sender = new AlertChannelSender(new DeliveryTargetGuard(["127.0.0.1"]),
            new SmtpEmailSender(new SmtpSettings("127.0.0.1", 25, "a@example.test", false, null, null)), TimeProvider.System);
        var channel = new AlertChannel(Guid.NewGuid(), "huge", kind, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook", [],
            kind == ChannelKind.Webhook ? "secret" : null, DateTimeOffset.UtcNow);

        var result = await sender.SendAsync(channel, Notification, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(status, result.Status);
        Assert.True(result.Error!.Length < 300, result.Error);
        // The receiver could write only what the sockets' buffers hold before the sender hung up, not the whole answer.
        var written = await served;
        Assert.True(written < 16 << 20, $"The receiver wrote {written} bytes.");
    }

    [Fact]
    public async Task Control_characters_in_an_answer_do_not_reach_the_outcome_which_the_database_stores()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var served = AnswerAsync(listener, "HTTP/1.1 500 Answer\r\nContent-Length: 15\r\nConnection: close\r\n\r\nbad\0news\u001b[31m!!");
        using var sender = new AlertChannelSender(new DeliveryTargetGuard(["127.0.0.1"]),
            new SmtpEmailSender(new SmtpSettings("127.0.0.1", 25, "a@example.test", false, null, null)), TimeProvider.System);
        var channel = new AlertChannel(Guid.NewGuid(), "nul", ChannelKind.Webhook, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/hook",
            [], "secret", DateTimeOffset.UtcNow);

        var result = await sender.SendAsync(channel, Notification, CancellationToken.None);
        await served;

        // PostgreSQL refuses NUL in text: the attempt could not be recorded.
        Assert.Equal("HTTP 500: bad news [31m!!", result.Error);
    }

    private static async Task AnswerAsync(TcpListener listener, string answer)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        await ReadRequestAsync(stream);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
    }

    /// <summary>Answers with 64 MiB of body and counts how much of it got written before the client hung up.</summary>
    private static async Task<long> AnswerHugelyAsync(TcpListener listener, int status)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        await ReadRequestAsync(stream);
        var written = 0L;
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Answer\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"));
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 << 10));
            while (written < HugeAnswerBytes)
            {
                await stream.WriteAsync(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // The client closed the connection: it read what it wanted.
        }

        return written;
    }

    private static async Task ReadRequestAsync(Stream stream)
    {
        var request = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = Encoding.ASCII.GetString(request.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
            request.AddRange(buffer[..await stream.ReadAsync(buffer)]);
        var head = Encoding.ASCII.GetString(request.ToArray(), 0, headEnd);
        var length = head.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..], System.Globalization.CultureInfo.InvariantCulture)).Single();
        for (var body = request.Count - headEnd - 4; body < length; body += await stream.ReadAsync(buffer)) { }
    }
}
