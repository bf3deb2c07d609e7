using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Ingestion;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>
/// A new webhook for GitHub, GitLab or Jenkins, with a fresh secret; a GitHub or GitLab hook may get its
/// provider token and API address at once (see <see cref="UpdateWebhook"/>).
/// </summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record CreateWebhook(string Provider, string Name, string? Token = null, string? ApiBaseUrl = null) : IRequest<CreatedWebhookDto>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator()
    {
        RuleFor(r => r.Provider).Must(p => EnumCode.TryParse<Provider>(p, out var provider) && provider != Domain.Ingestion.Provider.Api)
            .WithMessage("Provider must be github, gitlab or jenkins.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Webhook.MaxNameLength);
        RuleFor(r => r.Token).ProviderToken();
        RuleFor(r => r.ApiBaseUrl).ApiBaseUrl();
    }
}

public sealed class CreateWebhookHandler(
    IWebhookRepository hooks, ISecretGenerator secrets, IWebhookUrls urls, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit,
    TimeProvider clock, ProviderApiAccessEditor providerApi, IWebhookTokenStore tokens) : IRequestHandler<CreateWebhook, CreatedWebhookDto>
{
    public async Task<CreatedWebhookDto> Handle(CreateWebhook request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var hook = new Webhook(Guid.CreateVersion7(), tenantId, EnumCode.Parse<Provider>(request.Provider), request.Name.Trim(), secrets.NewSecret(),
            clock.GetUtcNow());
        // The token row needs the hook's row: both in one transaction, so a refused token leaves no hook behind.
        await unitOfWork.InTransactionAsync(async ct =>
        {
            hooks.Add(hook);
            audit.Record(tenantId, "webhook.created", $"{hook.Name} ({request.Provider})");
            await unitOfWork.SaveChangesAsync(ct);
            await providerApi.ApplyAsync(hook, request.Token, request.ApiBaseUrl, ct);
            await unitOfWork.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        var access = request.Token is null && request.ApiBaseUrl is null ? null : (await tokens.ListAsync(tenantId, cancellationToken)).GetValueOrDefault(hook.Id);
        return new CreatedWebhookDto(WebhookDto.From(hook, urls, access), hook.Secret);
    }
}
