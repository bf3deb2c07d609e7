namespace Faultline.Application.Common.Exceptions;

/// <summary>A request broke its validation rules; <see cref="Errors"/> maps field names to messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
