using Faultline.Application.Common.Behaviours;
using Faultline.Application.Common.Security;
using MediatR;

namespace Faultline.Application.Tests;

/// <summary>Authorization fails closed: a request that does not say who may send it is refused.</summary>
public class RequestAccessTests
{
    public static TheoryData<string> Requests() => new(typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBaseRequest).IsAssignableFrom(t))
        .Select(t => t.FullName!));

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_request_declares_exactly_one_access_rule(string request)
    {
        var type = typeof(DependencyInjection).Assembly.GetType(request)!;

        Assert.Single(type.GetCustomAttributes(typeof(RequestAccessAttribute), inherit: false));
    }

    [Fact]
    public async Task A_request_that_declares_no_access_rule_is_refused_even_to_a_caller_with_every_permission()
    {
        var behaviour = new AuthorizationBehaviour<Undeclared, int>(new FakePrincipal(true, [.. Domain.Authorization.Permission.All]));
        var handled = false;

        await Assert.ThrowsAsync<InvalidOperationException>(() => behaviour.Handle(new Undeclared(), default, () =>
        {
            handled = true;
            return Task.FromResult(0);
        }));
        Assert.False(handled);
    }

    [Fact]
    public async Task An_anonymous_request_needs_no_principal()
    {
        var behaviour = new AuthorizationBehaviour<Open, int>(FakePrincipal.Anonymous);

        Assert.Equal(42, await behaviour.Handle(new Open(), default, () => Task.FromResult(42)));
    }

    [Fact]
    public async Task A_sign_in_request_refuses_an_anonymous_caller() =>
        await Assert.ThrowsAsync<Common.Exceptions.UnauthenticatedException>(() =>
            new AuthorizationBehaviour<SignedIn, int>(FakePrincipal.Anonymous).Handle(new SignedIn(), default, () => Task.FromResult(0)));

    internal sealed record Undeclared : IRequest<int>;

    [AllowsAnonymous]
    internal sealed record Open : IRequest<int>;

    [RequiresSignIn]
    internal sealed record SignedIn : IRequest<int>;
}
