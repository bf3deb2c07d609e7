using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Webhooks;

/// <summary>
/// Changes a GitHub or GitLab hook's provider token (with which Faultline downloads the logs of failed jobs)
/// or its API address: null keeps, empty clears, anything else replaces.
/// </summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record UpdateWebhook(Guid Id, string? Token, string? ApiBaseUrl) : IRequest<WebhookDto>;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhook>
{
    public UpdateWebhookValidator()
    {
        RuleFor(r => r.Token).ProviderToken();
        RuleFor(r => r.ApiBaseUrl).ApiBaseUrl();
        RuleFor(r => r).Must(r => r.Token is not null || r.ApiBaseUrl is not null).OverridePropertyName("token")
            .WithMessage("Nothing to change: give a token or an API address (an empty one clears it).");
    }
}

public sealed class UpdateWebhookHandler(
    IWebhookRepository hooks, IWebhookTokenStore tokens, ProviderApiAccessEditor editor, IWebhookUrls urls, ICurrentPrincipal principal,
    IUnitOfWork unitOfWork) : IRequestHandler<UpdateWebhook, WebhookDto>
{
    public async Task<WebhookDto> Handle(UpdateWebhook request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var hook = await hooks.FindAsync(tenantId, request.Id, cancellationToken) ?? throw new NotFoundException("No such webhook.");
        await unitOfWork.InTransactionAsync(async ct =>
        {
            await editor.ApplyAsync(hook, request.Token, request.ApiBaseUrl, ct);
            await unitOfWork.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        var access = await tokens.ListAsync(tenantId, cancellationToken);
        return WebhookDto.From(hook, urls, access.GetValueOrDefault(hook.Id));
    }
}
