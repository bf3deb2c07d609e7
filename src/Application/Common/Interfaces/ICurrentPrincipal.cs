using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Interfaces;

/// <summary>Who is sending the current request: a signed-in user, an API key or the operator.</summary>
public interface ICurrentPrincipal
{
    bool IsAuthenticated { get; }

    /// <summary>The signed-in user; null for API keys, the operator and anonymous callers.</summary>
    Guid? UserId { get; }

    /// <summary>The tenant the principal acts in; null for the operator and anonymous callers.</summary>
    Guid? TenantId { get; }

    /// <summary>How the audit log names the principal: a user's e-mail or "key:flt_abc123".</summary>
    string? Actor { get; }

    /// <summary>The client's network address, for rate limits and the audit log.</summary>
    string? ClientAddress { get; }

    bool Has(Permission permission);
}
