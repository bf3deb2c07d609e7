namespace Faultline.Application.Common.Exceptions;

/// <summary>A request broke its validation rules; <see cref="Errors"/> maps field names to messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>Errors of one field, for rules a validator cannot check (they need the database or the body).</summary>
    public static RequestValidationException For(string field, params string[] messages) =>
        new(new Dictionary<string, string[]> { [field] = messages });
}
