using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Faultline.Application.Common.Validation;

/// <summary>
/// The one rule for control characters in request text. PostgreSQL refuses NUL in text, and no name,
/// key, filter or identifier has a use for a C0 control character, so every string a request carries
/// (its properties, nested records, collections and dictionary keys) is refused when it holds one.
/// Found by the path a client wrote it at ("rule.channels[1]"), for field-named problems.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Request objects are shallow; this only stops a cycle in a domain object graph.</summary>
    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> CheckedProperties = new();

    /// <summary>Each text field of <paramref name="value"/> that holds a control character, with what is wrong.</summary>
    public static IEnumerable<(string Path, string Message)> Find(object? value)
    {
        var found = new List<(string, string)>();
        Walk(value, "", 0, found);
        return found;
    }

    /// <summary>Why a text holds no place in a field, or null when it is clean.</summary>
    public static string? Problem(string? text)
    {
        var at = text is null ? -1 : text.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        return at < 0 ? null : $"Must not contain control characters (U+{(int)text![at]:X4} at position {at}).";
    }

    private static void Walk(object? value, string path, int depth, List<(string, string)> found)
    {
        if (value is null or JsonElement or Stream || depth > MaxDepth) return;
        switch (value)
        {
            case string text:
                if (Problem(text) is { } problem) found.Add((path, problem));
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key is string key && Problem(key) is { } keyProblem) found.Add((path, "A key: " + keyProblem));
                    else Walk(entry.Value, $"{path}[{entry.Key}]", depth + 1, found);
                }

                break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items) Walk(item, $"{path}[{index++}]", depth + 1, found);
                break;
            default:
                foreach (var property in CheckedProperties.GetOrAdd(value.GetType(), PropertiesToCheck))
                    Walk(property.GetValue(value), Join(path, property.Name), depth + 1, found);
                break;
        }
    }

    /// <summary>
    /// The stored (auto-)properties of Faultline's own types: framework values (numbers, times, ids) hold
    /// no free text, and computed properties are derived from the stored ones (some are only valid once
    /// the request passed validation, so they are never evaluated here).
    /// </summary>
    private static PropertyInfo[] PropertiesToCheck(Type type) =>
        type.Namespace?.StartsWith("Faultline.", StringComparison.Ordinal) == true && !type.IsEnum
        && type.GetCustomAttribute<ValidatedPerItemAttribute>() is null
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => type.GetField($"<{p.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
                .Where(p => p.GetCustomAttribute<LogTextAttribute>() is null)
                .ToArray()
            : [];

    private static string Join(string path, string name) =>
        path.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(name) : $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(name)}";
}
