using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Paging;
using Faultline.Application.Common.Security;
using Faultline.Application.Runs;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>The tenant's deliveries that could not be stored, newest first, in keyset pages.</summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record ListDeadLetters(string? Cursor, int Limit = 50) : IRequest<Page<DeadLetterDto>>;

public sealed class ListDeadLettersValidator : AbstractValidator<ListDeadLetters>
{
    public ListDeadLettersValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, 200);
        RuleFor(r => r.Cursor).Must(cursor => cursor is null || KeysetCursor.GuidPosition(cursor) is not null)
            .WithMessage("Not a cursor from a previous page.");
    }
}

public sealed class ListDeadLettersHandler(IDeadLetterRepository deadLetters, IWebhookRepository hooks, ICurrentPrincipal principal)
    : IRequestHandler<ListDeadLetters, Page<DeadLetterDto>>
{
    public async Task<Page<DeadLetterDto>> Handle(ListDeadLetters request, CancellationToken cancellationToken)
    {
        var before = KeysetCursor.GuidPosition(request.Cursor);
        var entries = await deadLetters.PageAsync(before, request.Limit + 1, cancellationToken);
        var names = (await hooks.ListAsync(principal.RequireTenant(), cancellationToken)).ToDictionary(hook => hook.Id, hook => hook.Name);
        var page = entries.Take(request.Limit).Select(entry => DeadLetterDto.From(entry, names.GetValueOrDefault(entry.HookId))).ToList();
        return new Page<DeadLetterDto>(page, entries.Count > request.Limit ? KeysetCursor.Encode(page[^1].ReceivedAt, page[^1].Id.ToString()) : null);
    }
}
