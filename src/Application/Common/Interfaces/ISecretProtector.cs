namespace Faultline.Application.Common.Interfaces;

/// <summary>
/// Encrypts secrets Faultline must use again later (provider API tokens), so the database alone
/// never reveals them; the keys live apart from the data.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when it can no longer be decrypted (its key is gone).</summary>
    string? Unprotect(string protectedSecret);
}
