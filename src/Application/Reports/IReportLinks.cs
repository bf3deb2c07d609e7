namespace Faultline.Application.Reports;

/// <summary>
/// Signed, expiring links to a run's PDF that need no login: the token names the tenant and the run and is
/// authenticated with a server key, so it can be neither guessed nor altered; an altered or expired one reads as none.
/// </summary>
public interface IReportLinks
{
    string Token(Guid tenantId, Guid runId, DateTimeOffset expiresAt);

    /// <summary>The tenant and run a token names, or null when it was altered, is not a token, or has expired.</summary>
    (Guid TenantId, Guid RunId)? Read(string token, DateTimeOffset now);
}
