using System.Collections.Frozen;
using System.Text;

namespace Faultline.Domain;

/// <summary>Enums as the API writes them: snake_case names ("owner", "timed_out", "stacked_bar").</summary>
public static class EnumCode
{
    public static string Of<T>(T value) where T : struct, Enum => Codes<T>.ByValue[value];

    public static T Parse<T>(string code) where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new ArgumentException($"'{code}' is not a {typeof(T).Name}.", nameof(code));

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum =>
        Codes<T>.ByCode.TryGetValue(code ?? "", out value);

    /// <summary>Every code of the enum, in declaration order: for "must be one of" messages.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Codes<T>.InOrder;

    private static string SnakeCase(string name)
    {
        var code = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0) code.Append('_');
            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    // Computed once per enum type: codes are written per ingested event.
    private static class Codes<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder = Enum.GetValues<T>().Select(v => SnakeCase(v.ToString())).ToArray();
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => SnakeCase(v.ToString()));
        public static readonly FrozenDictionary<string, T> ByCode = Enum.GetValues<T>().ToFrozenDictionary(v => SnakeCase(v.ToString()), v => v);
    }
}
