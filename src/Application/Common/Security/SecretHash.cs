using System.Security.Cryptography;
using System.Text;

namespace Faultline.Application.Common.Security;

/// <summary>
/// Hashes high-entropy secrets (API keys, invitation and reset tokens) for storage and lookup.
/// SHA-256 suffices for random 256-bit secrets; passwords use the slow hasher instead.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
