using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Interfaces;

/// <summary>Who is sending the current request: a signed-in user, an API key or the operator.</summary>
public interface ICurrentPrincipal
{
    bool IsAuthenticated { get; }

    /// <summary>The tenant the principal acts in; null for the operator and anonymous callers.</summary>
    Guid? TenantId { get; }

    bool Has(Permission permission);
}
