namespace Faultline.Application.Common.Interfaces;

/// <summary>Cryptographically random, URL-safe secrets.</summary>
public interface ISecretGenerator
{
    /// <summary>A URL-safe secret carrying <paramref name="bytes"/> random bytes.</summary>
    string NewSecret(int bytes = 32);
}
