namespace Faultline.Domain;

/// <summary>A string that holds one of <typeparamref name="T"/>'s codes (<see cref="EnumCode"/>), or one of the extra values:
/// the API contract lists them as the string's enum, so clients see the set and new members appear there by themselves.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EnumCodesAttribute<T>(params string[] extra) : Attribute, IAllowedCodes where T : struct, Enum
{
    public IReadOnlyList<string> Codes { get; } = [.. EnumCode.All<T>(), .. extra];
}

/// <summary>The values a string (or each string of a list) may take.</summary>
public interface IAllowedCodes
{
    IReadOnlyList<string> Codes { get; }
}
