using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Paging;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Audit;

/// <summary>The tenant's audit log, newest first, in pages linked by an opaque cursor (keyset, not offset).</summary>
[RequiresPermission(PermissionName.AuditRead)]
public sealed record ListAuditLog(string? Cursor, int Limit = 50) : IRequest<AuditPage>;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, string Action, string? Actor, string? Target, string? ClientAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, string? NextCursor);

public sealed class ListAuditLogValidator : AbstractValidator<ListAuditLog>
{
    public ListAuditLogValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, 200);
        RuleFor(r => r.Cursor).Must(cursor => cursor is null || KeysetCursor.GuidPosition(cursor) is not null)
            .WithMessage("Not a cursor from a previous page.");
    }
}

public sealed class ListAuditLogHandler(IAuditLog log, ICurrentPrincipal principal) : IRequestHandler<ListAuditLog, AuditPage>
{
    public async Task<AuditPage> Handle(ListAuditLog request, CancellationToken cancellationToken)
    {
        var before = KeysetCursor.GuidPosition(request.Cursor);
        var entries = await log.PageAsync(principal.RequireTenant(), before, request.Limit + 1, cancellationToken);
        var page = entries.Take(request.Limit).Select(e => new AuditEntryDto(e.Id, e.At, e.Action, e.Actor, e.Target, e.ClientAddress)).ToList();
        return new AuditPage(page, entries.Count > request.Limit ? KeysetCursor.Encode(page[^1].At, page[^1].Id.ToString()) : null);
    }
}
