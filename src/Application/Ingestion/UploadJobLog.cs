using System.IO.Compression;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Application.Runs;
using MediatR;

namespace Faultline.Application.Ingestion;

/// <summary>Stores a job's log (plain or gzip), compressed; replaces an earlier one.</summary>
[RequiresPermission(PermissionName.DataIngest)]
public sealed record UploadJobLog(long JobId, Stream Body, bool Gzip) : IRequest<UploadedLog>;

public sealed record UploadedLog(long JobId, long OriginalBytes, long StoredBytes, bool Truncated);

public sealed class UploadJobLogHandler(IJobLogStore logs) : IRequestHandler<UploadJobLog, UploadedLog>
{
    public async Task<UploadedLog> Handle(UploadJobLog request, CancellationToken cancellationToken)
    {
        // Checked first, so a 20 MB body for a job that is not there is not read at all.
        if (!await logs.JobExistsAsync(request.JobId, cancellationToken)) throw new NotFoundException("No such job.");

        var log = await LogCapture.ReadAsync(request.Body, request.Gzip, cancellationToken);
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            await gzip.WriteAsync(log.Text, cancellationToken);
        await logs.SaveAsync(request.JobId, compressed.ToArray(), log.OriginalBytes, log.Text.Length, log.Truncated, cancellationToken);
        return new UploadedLog(request.JobId, log.OriginalBytes, log.Text.Length, log.Truncated);
    }
}
