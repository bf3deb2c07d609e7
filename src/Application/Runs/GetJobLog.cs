using System.IO.Compression;
using System.Text;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using Faultline.Domain.Ingestion;
using MediatR;

namespace Faultline.Application.Runs;

/// <summary>A job's log as text: ANSI colour codes stripped for reading, or kept when raw.</summary>
[RequiresPermission(PermissionName.DataRead)]
public sealed record GetJobLog(long JobId, bool Raw) : IRequest<JobLogText>;

public sealed record JobLogText(string Text, LogInfo Info);

public sealed class GetJobLogHandler(IRunReader reader) : IRequestHandler<GetJobLog, JobLogText>
{
    public async Task<JobLogText> Handle(GetJobLog request, CancellationToken cancellationToken)
    {
        var log = await reader.GetLogAsync(request.JobId, cancellationToken) ?? throw new NotFoundException("This job has no log.");
        await using var gzip = new GZipStream(new MemoryStream(log.Gzip), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        var content = await text.ReadToEndAsync(cancellationToken);
        return new JobLogText(request.Raw ? content : AnsiText.Strip(content), log.Info);
    }
}
