using Faultline.Application.Accounts;
using Faultline.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;

namespace Faultline.WebApi.Endpoints;

public static class AuthEndpoints
{
    /// <summary>Who a new session belongs to, and in which tenant.</summary>
    public sealed record SignedIn(Guid UserId, Guid? TenantId);

    public sealed record AntiforgeryToken(string Token, string HeaderName);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");

        auth.MapPost("/signup", async (SignUp request, IMediator mediator, HttpContext context) =>
            {
                var grant = await mediator.Send(request, context.RequestAborted);
                await SessionCookie.SignInAsync(context, grant);
                return TypedResults.Created("/api/v1/me", new SignedIn(grant.UserId, grant.TenantId));
            })
            .WithName("signUp")
            .WithSummary("Creates a user and their organisation (tenant) with them as owner, and signs them in.").AllowAnonymous()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/login", async (LogIn request, IMediator mediator, HttpContext context) =>
            {
                await SessionCookie.SignInAsync(context, await mediator.Send(request, context.RequestAborted));
                return Results.NoContent();
            })
            .WithName("logIn")
            .WithSummary("Signs in with e-mail and password; sets the session cookie.").AllowAnonymous()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/logout", async (HttpContext context) =>
            {
                await SessionCookie.SignOutAsync(context);
                return Results.NoContent();
            })
            .WithName("logOut")
            .WithSummary("Ends the session, server-side: a copy of its cookie stops working too.").AllowAnonymous()
            .Produces(StatusCodes.Status204NoContent);

        auth.MapPost("/switch-tenant", async (SwitchTenant request, IMediator mediator, HttpContext context) =>
            {
                await SessionCookie.SignInAsync(context, await mediator.Send(request, context.RequestAborted));
                return Results.NoContent();
            })
            .WithName("switchTenant")
            .WithSummary("Moves the session to another tenant the user belongs to.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

        auth.MapPost("/password-reset", async (RequestPasswordReset request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(request, cancellationToken);
                return Results.Accepted();
            })
            .WithName("requestPasswordReset")
            .WithSummary("E-mails a reset link if the address has an account; answers 202 either way.").AllowAnonymous()
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/password-reset/confirm", async (ResetPassword request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(request, cancellationToken);
                return Results.NoContent();
            })
            .WithName("resetPassword")
            .WithSummary("Sets a new password with the token from the e-mail; ends all sessions of the account.").AllowAnonymous()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();

        auth.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext context) =>
                TypedResults.Ok(new AntiforgeryToken(antiforgery.GetAndStoreTokens(context).RequestToken!, Antiforgery.HeaderName)))
            .WithName("getAntiforgeryToken")
            .WithSummary("The token a session must send in the X-CSRF-TOKEN header of state-changing requests.").AllowAnonymous();

        auth.MapGet("/session", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetSession(), cancellationToken))
            .WithName("getSession")
            .WithSummary("Whether a session is signed in, and if so the same as GET /me; 200 either way, for pages shown signed in or out.")
            .AllowAnonymous();

        api.MapGet("/me", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetMe(), cancellationToken))
            .WithTags("Accounts")
            .WithName("getMe")
            .WithSummary("The signed-in user or API key: current tenant, role, permissions and every tenant of the user.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
