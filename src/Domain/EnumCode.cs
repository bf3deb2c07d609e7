namespace Faultline.Domain;

/// <summary>Enums as the API writes them: lowercase names ("owner", "ingest").</summary>
public static class EnumCode
{
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T Parse<T>(string code) where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new ArgumentException($"'{code}' is not a {typeof(T).Name}.", nameof(code));

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) != code) continue;
            value = candidate;
            return true;
        }

        value = default;
        return false;
    }
}
