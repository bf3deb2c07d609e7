using System.Text;

namespace Faultline.Infrastructure.Notifications;

/// <summary>What an outcome shows of an HTTP answer from outside: its first few KB, as one short line.</summary>
internal static class HttpAnswer
{
    private const int BytesRead = 4096;

    /// <summary>The first few KB of a body as text; the rest is never read (the connection is dropped).</summary>
    public static async Task<string> StartOfAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[BytesRead];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    public static string Snippet(string text)
    {
        var line = OneLineText.Of(text);
        return line.Length <= 120 ? line : line[..120] + "…";
    }
}
