namespace Faultline.Application.Common.Exceptions;

/// <summary>The content is larger than the use case accepts (a 413).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);
