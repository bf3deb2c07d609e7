using Faultline.Application.Common.Interfaces;

namespace Faultline.Application.Common.Security;

/// <summary>
/// Who may send a request. Every request type declares exactly one of the subclasses;
/// <see cref="Behaviours.AuthorizationBehaviour{TRequest,TResponse}"/> refuses one that declares none,
/// so a forgotten declaration fails closed instead of leaving a use case open to anyone.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class RequestAccessAttribute : Attribute
{
    /// <summary>Throws when <paramref name="principal"/> may not send the request.</summary>
    public abstract void Demand(ICurrentPrincipal principal);
}
