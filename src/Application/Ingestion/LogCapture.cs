using System.IO.Compression;
using System.Text;
using Faultline.Application.Common.Exceptions;

namespace Faultline.Application.Ingestion;

/// <summary>A job log as kept: its text (whole, or head and tail), and how big the original was.</summary>
public sealed record CapturedLog(byte[] Text, long OriginalBytes, bool Truncated);

/// <summary>
/// Reads an uploaded log, plain or gzip, in one pass. Logs up to 20 MB are kept whole; longer ones
/// keep their first and last 10 MB with a marker between (the cause of a failure is nearly always at
/// one end). A body that expands past 200 MB is refused: a gzip bomb, not a log.
/// </summary>
public static class LogCapture
{
    public const int HeadBytes = 10 * 1024 * 1024;
    public const int TailBytes = 10 * 1024 * 1024;
    public const long MaxExpandedBytes = 200L * 1024 * 1024;

    public static async Task<CapturedLog> ReadAsync(Stream body, bool gzip, CancellationToken cancellationToken)
    {
        await using var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
        var head = new MemoryStream();
        var tail = Array.Empty<byte>();
        long tailWritten = 0, total = 0;
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxExpandedBytes)
                    throw new PayloadTooLargeException($"The log expands past {MaxExpandedBytes / 1024 / 1024} MB; it is refused.");

                var offset = 0;
                if (head.Length < HeadBytes)
                {
                    offset = (int)Math.Min(read, HeadBytes - head.Length);
                    head.Write(buffer, 0, offset);
                }

                // The rest goes round a ring buffer that ends up holding the last TailBytes.
                for (var i = offset; i < read;)
                {
                    var at = (int)(tailWritten % TailBytes);
                    var chunk = Math.Min(read - i, TailBytes - at);
                    // Grown on demand, so a small log never costs the full tail buffer.
                    if (at + chunk > tail.Length) Array.Resize(ref tail, (int)Math.Min(TailBytes, Math.Max(2L * tail.Length, at + chunk)));
                    Array.Copy(buffer, i, tail, at, chunk);
                    tailWritten += chunk;
                    i += chunk;
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw RequestValidationException.For("body", "The body is not valid gzip: " + exception.Message);
        }

        var kept = Math.Min(tailWritten, TailBytes);
        var truncated = tailWritten > TailBytes;
        var text = new MemoryStream((int)(head.Length + kept + 100));
        head.Position = 0;
        await head.CopyToAsync(text, cancellationToken);
        if (truncated)
            text.Write(Encoding.UTF8.GetBytes($"\n… [Faultline kept the first and last 10 MB of this log: {tailWritten - kept:N0} bytes in between were dropped] …\n"));
        var start = (int)(tailWritten % TailBytes);
        if (truncated) text.Write(tail, start, TailBytes - start);
        text.Write(tail, 0, truncated ? start : (int)kept);
        return new CapturedLog(text.ToArray(), total, truncated);
    }
}
