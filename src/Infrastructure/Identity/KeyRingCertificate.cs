using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Faultline.Infrastructure.Identity;

/// <summary>
/// The X.509 certificate (a PKCS#12 file) that encrypts the Data Protection key ring at rest: whoever reads the
/// catalog (a backup, a replica) cannot forge session cookies or antiforgery tokens without it. Configured by
/// Faultline:DataProtection:CertificatePath and :CertificatePassword; without a path the keys are stored as they are.
/// </summary>
internal static class KeyRingCertificate
{
    private const string Section = "Faultline:DataProtection";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section["CertificatePath"] is not { Length: > 0 } path) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"{Section}:CertificatePath: no certificate at {Path.GetFullPath(path)}.");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{Section}:CertificatePath: {path} holds no private key, so no key could be decrypted.");
    }
}
