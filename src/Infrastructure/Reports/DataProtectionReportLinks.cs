using System.Security.Cryptography;
using Faultline.Application.Reports;
using Microsoft.AspNetCore.DataProtection;

namespace Faultline.Infrastructure.Reports;

/// <summary>
/// Report link tokens made with ASP.NET Data Protection's time-limited protector: the tenant and run ids with the expiry,
/// encrypted and authenticated (HMAC-SHA256) with the key ring every instance shares (in PostgreSQL), so any instance
/// reads a token another made, and a changed byte or a passed expiry makes it unreadable.
/// </summary>
internal sealed class DataProtectionReportLinks(IDataProtectionProvider provider) : IReportLinks
{
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Faultline.ReportLinks.v1").ToTimeLimitedDataProtector();

    public string Token(Guid tenantId, Guid runId, DateTimeOffset expiresAt) =>
        Base64Url(_protector.Protect([.. tenantId.ToByteArray(), .. runId.ToByteArray()], expiresAt));

    public (Guid TenantId, Guid RunId)? Read(string token, DateTimeOffset now)
    {
        try
        {
            var ids = _protector.Unprotect(FromBase64Url(token), out var expiresAt);
            return ids.Length == 32 && expiresAt > now ? (new Guid(ids.AsSpan(0, 16)), new Guid(ids.AsSpan(16, 16))) : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] FromBase64Url(string token) => System.Buffers.Text.Base64Url.DecodeFromChars(token);
}
