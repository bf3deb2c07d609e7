using Faultline.Application.Alerts;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Ingestion;
using FluentValidation;

namespace Faultline.Application.Webhooks;

/// <summary>
/// Sets a hook's provider token and API address, for creating and for changing a hook alike: a value given
/// replaces the current one, an empty one clears it (the address goes back to the provider's default),
/// null keeps it. The token is stored protected and never shown again. The address must lead outside this
/// server's network, like an alert channel's.
/// </summary>
public sealed class ProviderApiAccessEditor(IWebhookTokenStore tokens, ISecretProtector protector, IDeliveryTargetGuard guard, AuditTrail audit)
{
    public const int MaxTokenLength = 1000;
    public const int MaxUrlLength = 500;

    public async Task ApplyAsync(Webhook hook, string? token, string? apiBaseUrl, CancellationToken cancellationToken)
    {
        if (token is null && apiBaseUrl is null) return;
        if (hook.Provider is not (Provider.Github or Provider.Gitlab))
            throw RequestValidationException.For(token is null ? "apiBaseUrl" : "token", "Only GitHub and GitLab hooks download logs with a token.");
        if (!string.IsNullOrEmpty(apiBaseUrl) && await guard.ProblemWithAsync(new Uri(apiBaseUrl), cancellationToken) is { } problem)
            throw RequestValidationException.For("apiBaseUrl", problem);

        var current = await tokens.FindAsync(hook.Id, cancellationToken) ?? new ProviderApiAccess(null, null);
        await tokens.SaveAsync(hook.Id, new ProviderApiAccess(
            token is null ? current.ProtectedToken : token.Length == 0 ? null : protector.Protect(token),
            apiBaseUrl is null ? current.ApiBaseUrl : apiBaseUrl.Length == 0 ? null : apiBaseUrl.TrimEnd('/')), cancellationToken);
        if (token is not null) audit.Record(hook.TenantId, token.Length == 0 ? "webhook.token_cleared" : "webhook.token_set", hook.Name);
        if (apiBaseUrl is not null)
            audit.Record(hook.TenantId, "webhook.api_url_changed", $"{hook.Name}: {(apiBaseUrl.Length == 0 ? "the provider's default" : apiBaseUrl)}");
    }
}

/// <summary>The shape of a provider token and API address, checked before any lookup.</summary>
public static class ProviderApiRules
{
    public static IRuleBuilderOptions<T, string?> ProviderToken<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ProviderApiAccessEditor.MaxTokenLength)
            .Must(token => token is null || token.All(c => c > ' ' && c != '\u007f'))
            .WithMessage("A token is one word of printable characters (an empty one clears it).");

    public static IRuleBuilderOptions<T, string?> ApiBaseUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ProviderApiAccessEditor.MaxUrlLength)
            .Must(url => string.IsNullOrEmpty(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0))
            .WithMessage("The API address must be an absolute http or https URL without user name, password, query or fragment (an empty one resets it).");
}
