namespace Faultline.Application.Common.Validation;

/// <summary>
/// A log as a terminal printed it (tabs, carriage returns, ANSI escapes), never stored as text: its own
/// readability rule applies instead of <see cref="ControlCharacters"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LogTextAttribute : Attribute;
