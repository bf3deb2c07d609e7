using System.Security.Cryptography;
using Faultline.Application.Common.Interfaces;

namespace Faultline.Infrastructure.Identity;

internal sealed class RandomSecretGenerator : ISecretGenerator
{
    public string NewSecret(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
