using System.Reflection;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Common.Behaviours;

/// <summary>Enforces the permission a request declares with <see cref="RequiresPermissionAttribute"/>.</summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentPrincipal principal)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly RequiresPermissionAttribute? Requirement =
        typeof(TRequest).GetCustomAttribute<RequiresPermissionAttribute>();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Requirement is not null)
        {
            if (!principal.IsAuthenticated) throw new UnauthenticatedException();
            if (!principal.Has(Requirement.Permission)) throw new ForbiddenAccessException(Requirement.Permission);
        }

        return next();
    }
}
