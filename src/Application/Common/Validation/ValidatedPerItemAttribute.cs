namespace Faultline.Application.Common.Validation;

/// <summary>
/// An item of a batch, validated one by one by the handler, which stores the good items and reports
/// each bad one: the request-wide rules (<see cref="ControlCharacters"/>) leave it alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ValidatedPerItemAttribute : Attribute;
