using Faultline.Domain.Authorization;

namespace Faultline.Application.Common.Security;

/// <summary>
/// Declares the permission a request needs; <see cref="Behaviours.AuthorizationBehaviour{TRequest,TResponse}"/>
/// enforces it. A request without the attribute may be sent by anyone who reaches it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPermissionAttribute(string code) : Attribute
{
    public Permission Permission { get; } = Permission.All.SingleOrDefault(p => p.Code == code)
        ?? throw new ArgumentException($"Unknown permission '{code}'.", nameof(code));
}
