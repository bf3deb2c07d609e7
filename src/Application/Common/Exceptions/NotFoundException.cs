namespace Faultline.Application.Common.Exceptions;

/// <summary>The thing asked for does not exist for this caller (another tenant's ids included).</summary>
public sealed class NotFoundException(string message) : Exception(message);
