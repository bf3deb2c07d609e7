using System.IO.Compression;
using Faultline.Application.Runs;

namespace Faultline.Application.Ingestion;

/// <summary>
/// Keeps a job's log as <see cref="LogCapture"/> captures it, gzip-compressed; replaces an earlier one and queues a failed
/// job for classification. Used by the log upload and by deliveries that bring a job's log along.
/// </summary>
public sealed class JobLogWriter(IJobLogStore logs)
{
    public async Task<UploadedLog> SaveAsync(long jobId, Stream body, bool gzip, CancellationToken cancellationToken)
    {
        var log = await LogCapture.ReadAsync(body, gzip, cancellationToken);
        var compressed = new MemoryStream();
        await using (var stream = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            await stream.WriteAsync(log.Text, cancellationToken);
        await logs.SaveAsync(jobId, compressed.ToArray(), log.OriginalBytes, log.Text.Length, log.Truncated, cancellationToken);
        return new UploadedLog(jobId, log.OriginalBytes, log.Text.Length, log.Truncated);
    }
}
