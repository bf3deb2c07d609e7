using Faultline.Application.Common.Security;
using Faultline.Domain.Ingestion;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>
/// The hook a delivery is addressed to, for the WebApi's signature check; null when there is no
/// such hook for that provider. Sent by the webhook authentication, never from an endpoint.
/// </summary>
[InternalRequest]
public sealed record FindWebhook(Guid Id, Provider Provider) : IRequest<Webhook?>;

public sealed class FindWebhookHandler(IWebhookRepository hooks) : IRequestHandler<FindWebhook, Webhook?>
{
    public async Task<Webhook?> Handle(FindWebhook request, CancellationToken cancellationToken) =>
        await hooks.FindAsync(request.Id, cancellationToken) is { } hook && hook.Provider == request.Provider ? hook : null;
}
