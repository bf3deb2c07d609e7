namespace Faultline.Application.Common.Exceptions;

/// <summary>A database statement ran past the statement timeout of its query class and was cancelled.</summary>
public sealed class QueryTimeoutException(string message, Exception innerException) : Exception(message, innerException);
