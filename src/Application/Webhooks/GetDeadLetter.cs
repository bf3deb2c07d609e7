using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>One dead letter with the payload the provider sent, for inspection before a replay or a discard.</summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record GetDeadLetter(Guid Id) : IRequest<DeadLetterDetailDto>;

public sealed class GetDeadLetterHandler(IDeadLetterRepository deadLetters, IWebhookRepository hooks, ICurrentPrincipal principal)
    : IRequestHandler<GetDeadLetter, DeadLetterDetailDto>
{
    public async Task<DeadLetterDetailDto> Handle(GetDeadLetter request, CancellationToken cancellationToken)
    {
        var deadLetter = await deadLetters.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("No such dead letter.");
        var hook = await hooks.FindAsync(principal.RequireTenant(), deadLetter.Entry.HookId, cancellationToken);
        var delivery = deadLetter.Delivery;
        return new DeadLetterDetailDto(DeadLetterDto.From(deadLetter.Entry, hook?.Name), delivery.ContentType, delivery.Headers, delivery.PayloadText());
    }
}
