using Faultline.Domain;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Webhooks;

/// <param name="ProviderApi">GitHub and GitLab hooks: whether a token is set for downloading logs, and how the last download went.</param>
public sealed record WebhookDto(
    Guid Id, [property: EnumCodes<Provider>] string Provider, string Name, string Url, DateTimeOffset CreatedAt, DateTimeOffset? LastDeliveryAt,
    ProviderApiDto? ProviderApi)
{
    public static WebhookDto From(Webhook hook, IWebhookUrls urls, ProviderApiDto? providerApi = null) =>
        new(hook.Id, EnumCode.Of(hook.Provider), hook.Name, urls.For(hook), hook.CreatedAt, hook.LastDeliveryAt,
            hook.Provider is Domain.Ingestion.Provider.Github or Domain.Ingestion.Provider.Gitlab ? providerApi ?? ProviderApiDto.None : null);
}

/// <summary>A new hook with its secret: the only time the secret is shown.</summary>
public sealed record CreatedWebhookDto(WebhookDto Hook, string Secret);

/// <summary>The public address a provider posts a hook's deliveries to.</summary>
public interface IWebhookUrls
{
    string For(Webhook hook);
}
