using Faultline.Domain;
using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.ApiKeys;
using Faultline.Domain.Audit;
using FluentValidation;
using MediatR;

namespace Faultline.Application.ApiKeys;

[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record CreateApiKey(
    string Name, [property: EnumCodes<ApiKeyScope>] IReadOnlyList<string> Scopes) : IRequest<CreatedApiKeyDto>;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Name the key after what uses it.")
            .Must(name => name is null || name.Trim().Length <= ApiKey.MaxNameLength)
            .WithMessage($"A key name has at most {ApiKey.MaxNameLength} characters.");
        RuleFor(r => r.Scopes).NotEmpty().WithMessage("Choose at least one scope: ingest, read, predict, admin.");
        RuleForEach(r => r.Scopes).Must(scope => EnumCode.TryParse<ApiKeyScope>(scope, out _))
            .WithMessage("'{PropertyValue}' is not a scope: use ingest, read, predict or admin.");
    }
}

public sealed class CreateApiKeyHandler(
    IApiKeyRepository keys, ISecretGenerator secrets, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit,
    TimeProvider clock) : IRequestHandler<CreateApiKey, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var scopes = request.Scopes.Select(EnumCode.Parse<ApiKeyScope>).ToList();
        // A key never holds more than the one who creates it.
        var beyond = ApiKeyScopes.PermissionsOf(scopes).FirstOrDefault(permission => !principal.Has(permission));
        if (beyond is not null) throw new ForbiddenAccessException(beyond);

        var secret = ApiKeyFormat.Prefix + secrets.NewSecret();
        var key = new ApiKey(Guid.CreateVersion7(), tenantId, request.Name, secret[..ApiKeyFormat.VisibleLength], SecretHash.Of(secret),
            scopes, principal.RequireActor(), clock.GetUtcNow());
        keys.Add(key);
        audit.Record(tenantId, AuditActions.ApiKeyCreated, $"{key.Name} ({key.Prefix})");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(secret, ApiKeyDto.From(key));
    }
}
