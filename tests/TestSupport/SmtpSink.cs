using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Faultline.TestSupport;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) on a free loopback port, storing what it receives
/// in a Maildir that tests read.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly Process _server;
    private readonly string _maildir;

    private SmtpSink(Process server, string maildir, int port)
    {
        _server = server;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var maildir = Directory.CreateTempSubdirectory("faultline-mail-").FullName;
        foreach (var folder in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(maildir, folder));
        var port = TestStack.ClosedPort();
        var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 -m aiosmtpd (apt-get install python3-aiosmtpd).");

        var sink = new SmtpSink(server, maildir, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (server.HasExited) throw new InvalidOperationException("aiosmtpd exited: " + await server.StandardError.ReadToEndAsync());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening.");
    }

    /// <summary>Every message received so far, decoded.</summary>
    public IReadOnlyList<ReceivedEmail> Messages() =>
        Directory.EnumerateFiles(Path.Combine(_maildir, "new")).Select(ReceivedEmail.Load).ToList();

    /// <summary>Waits up to 15 s for a message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<ReceivedEmail> WaitForAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var match = Messages().LastOrDefault(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase) && m.Subject.Contains(subject, StringComparison.Ordinal));
            if (match is not null) return match;
            await Task.Delay(100);
        }

        throw new TimeoutException($"No e-mail to {to} about '{subject}' arrived; received: {string.Join("; ", Messages().Select(m => m.To + ": " + m.Subject))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }
}

public sealed partial record ReceivedEmail(string To, string Subject, string Body)
{
    /// <summary>The HTML alternative, when the message has one.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Attached files by name, decoded.</summary>
    public IReadOnlyDictionary<string, byte[]> Attachments { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The first link in the body that contains <paramref name="pathPart"/>.</summary>
    public Uri Link(string pathPart) =>
        new(LinkPattern().Matches(Body).Select(m => m.Value).First(link => link.Contains(pathPart, StringComparison.Ordinal)));

    public string LinkToken(string pathPart) =>
        System.Web.HttpUtility.ParseQueryString(Link(pathPart).Query)["token"] ?? throw new InvalidOperationException("No token in the link.");

    internal static ReceivedEmail Load(string path)
    {
        using var message = MimeKit.MimeMessage.Load(path);
        var attachments = new Dictionary<string, byte[]>();
        foreach (var part in message.Attachments.OfType<MimeKit.MimePart>())
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            attachments[part.FileName ?? ""] = content.ToArray();
        }

        return new ReceivedEmail(message.To.ToString(), message.Subject ?? "", message.TextBody ?? "")
        {
            HtmlBody = message.HtmlBody, Attachments = attachments,
        };
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
