namespace Faultline.Application.Common.Exceptions;

/// <summary>The request clashes with the current state, such as a key already taken.</summary>
public sealed class ConflictException(string message) : Exception(message);
