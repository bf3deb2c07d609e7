using Faultline.Domain;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

public sealed record WebhookDto(
    Guid Id, [property: EnumCodes<Provider>] string Provider, string Name, string Url, DateTimeOffset CreatedAt, DateTimeOffset? LastDeliveryAt)
{
    public static WebhookDto From(Webhook hook, IWebhookUrls urls) =>
        new(hook.Id, EnumCode.Of(hook.Provider), hook.Name, urls.For(hook), hook.CreatedAt, hook.LastDeliveryAt);
}

/// <summary>A new hook with its secret: the only time the secret is shown.</summary>
public sealed record CreatedWebhookDto(WebhookDto Hook, string Secret);

/// <summary>The public address a provider posts a hook's deliveries to.</summary>
public interface IWebhookUrls
{
    string For(Webhook hook);
}
