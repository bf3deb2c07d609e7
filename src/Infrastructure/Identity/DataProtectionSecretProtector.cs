using System.Security.Cryptography;
using Faultline.Application.Common.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace Faultline.Infrastructure.Identity;

/// <summary>
/// Secrets encrypted with ASP.NET Data Protection, whose key ring every instance shares (in PostgreSQL,
/// optionally encrypted with a certificate: Faultline:DataProtection). Key rotation keeps old keys for
/// decryption, so a protected secret stays readable.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Faultline.ProviderTokens.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
