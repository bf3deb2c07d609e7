namespace Faultline.Domain;

/// <summary>A change would break a rule of the business (such as removing the last owner).</summary>
public sealed class DomainRuleException(string message) : Exception(message);
