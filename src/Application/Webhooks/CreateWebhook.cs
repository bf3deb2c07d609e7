using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Ingestion;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>A new webhook for GitHub, GitLab or Jenkins, with a fresh secret.</summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record CreateWebhook(string Provider, string Name) : IRequest<CreatedWebhookDto>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator()
    {
        RuleFor(r => r.Provider).Must(p => EnumCode.TryParse<Provider>(p, out var provider) && provider != Domain.Ingestion.Provider.Api)
            .WithMessage("Provider must be github, gitlab or jenkins.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Webhook.MaxNameLength);
    }
}

public sealed class CreateWebhookHandler(
    IWebhookRepository hooks, ISecretGenerator secrets, IWebhookUrls urls, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit,
    TimeProvider clock) : IRequestHandler<CreateWebhook, CreatedWebhookDto>
{
    public async Task<CreatedWebhookDto> Handle(CreateWebhook request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var hook = new Webhook(Guid.CreateVersion7(), tenantId, EnumCode.Parse<Provider>(request.Provider), request.Name.Trim(), secrets.NewSecret(),
            clock.GetUtcNow());
        hooks.Add(hook);
        audit.Record(tenantId, "webhook.created", $"{hook.Name} ({request.Provider})");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedWebhookDto(WebhookDto.From(hook, urls), hook.Secret);
    }
}
