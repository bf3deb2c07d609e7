namespace Faultline.Application.Common.Validation;

/// <summary>
/// The items of this collection are validated one by one by the handler, which stores the good ones
/// and reports each bad one: the request-wide rules (<see cref="ControlCharacters"/>) leave them alone.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidatedPerItemAttribute : Attribute;
