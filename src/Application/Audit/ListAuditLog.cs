using System.Globalization;
using System.Text;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Audit;

/// <summary>The tenant's audit log, newest first, in pages linked by an opaque cursor (keyset, not offset).</summary>
[RequiresPermission("audit:read")]
public sealed record ListAuditLog(string? Cursor, int Limit = 50) : IRequest<AuditPage>;

public sealed record AuditEntryDto(Guid Id, DateTimeOffset At, string Action, string? Actor, string? Target, string? ClientAddress);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, string? NextCursor);

public sealed class ListAuditLogValidator : AbstractValidator<ListAuditLog>
{
    public ListAuditLogValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, 200);
        RuleFor(r => r.Cursor).Must(cursor => cursor is null || AuditCursor.TryDecode(cursor, out _)).WithMessage("Not a cursor from a previous page.");
    }
}

public sealed class ListAuditLogHandler(IAuditLog log, ICurrentPrincipal principal) : IRequestHandler<ListAuditLog, AuditPage>
{
    public async Task<AuditPage> Handle(ListAuditLog request, CancellationToken cancellationToken)
    {
        (DateTimeOffset, Guid)? before = request.Cursor is null ? null : AuditCursor.TryDecode(request.Cursor, out var at) ? at : throw new InvalidOperationException();
        var entries = await log.PageAsync(principal.RequireTenant(), before, request.Limit + 1, cancellationToken);
        var page = entries.Take(request.Limit).Select(e => new AuditEntryDto(e.Id, e.At, e.Action, e.Actor, e.Target, e.ClientAddress)).ToList();
        return new AuditPage(page, entries.Count > request.Limit ? AuditCursor.Encode(page[^1].At, page[^1].Id) : null);
    }
}

internal static class AuditCursor
{
    public static string Encode(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string cursor, out (DateTimeOffset At, Guid Id) position)
    {
        position = default;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || !Guid.TryParse(parts[1], out var id) || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
            position = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
