namespace Faultline.Application.Common.Exceptions;

public sealed class UnauthenticatedException()
    : Exception("Authentication is required for this request.");
