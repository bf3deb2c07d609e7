namespace Faultline.Application.Common.Exceptions;

/// <summary>Sign-in failed; the message never says whether the e-mail or the password was wrong.</summary>
public sealed class InvalidCredentialsException() : Exception("The e-mail or password is incorrect.");
