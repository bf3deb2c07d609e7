using Faultline.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;

namespace Faultline.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (versioned format, so its parameters can be raised later).</summary>
internal sealed class AspNetPasswordHasher : IPasswordHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    public string Hash(string password) => Hasher.HashPassword(Subject, password);

    public bool Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(Subject, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
