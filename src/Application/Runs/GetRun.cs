using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Runs;

[RequiresPermission(PermissionName.DataRead)]
public sealed record GetRun(long Id) : IRequest<RunDetail>;

public sealed class GetRunHandler(IRunReader reader) : IRequestHandler<GetRun, RunDetail>
{
    public async Task<RunDetail> Handle(GetRun request, CancellationToken cancellationToken) =>
        await reader.GetRunAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such run.");
}
