using System.Reflection;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Common.Behaviours;

/// <summary>
/// Enforces who may send a request, as it declares with a <see cref="RequestAccessAttribute"/>;
/// a request that declares none (or several) is refused, whoever sends it.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentPrincipal principal)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly RequestAccessAttribute[] Declared = [.. typeof(TRequest).GetCustomAttributes<RequestAccessAttribute>()];

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Declared.Length != 1)
            throw new InvalidOperationException(
                $"{typeof(TRequest).Name} must declare exactly one access rule ({nameof(RequestAccessAttribute)}); it declares {Declared.Length}.");

        Declared[0].Demand(principal);
        return next();
    }
}
