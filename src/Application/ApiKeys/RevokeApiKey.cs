using Faultline.Application.Common.Audit;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain.Audit;
using MediatR;

namespace Faultline.Application.ApiKeys;

/// <summary>Revokes a key; the next request made with it is refused. Revoking twice is harmless.</summary>
[RequiresPermission(PermissionName.ApiKeysManage)]
public sealed record RevokeApiKey(Guid Id) : IRequest<Unit>;

public sealed class RevokeApiKeyHandler(IApiKeyRepository keys, ICurrentPrincipal principal, IUnitOfWork unitOfWork, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RevokeApiKey, Unit>
{
    public async Task<Unit> Handle(RevokeApiKey request, CancellationToken cancellationToken)
    {
        var tenantId = principal.RequireTenant();
        var key = await keys.FindAsync(tenantId, request.Id, cancellationToken) ?? throw new NotFoundException("No such API key.");
        if (key.IsActive)
        {
            key.Revoke(clock.GetUtcNow());
            audit.Record(tenantId, AuditActions.ApiKeyRevoked, $"{key.Name} ({key.Prefix})");
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
