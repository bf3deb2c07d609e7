using Faultline.Application.Accounts;
using Faultline.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;

namespace Faultline.WebApi.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");

        auth.MapPost("/signup", async (SignUp request, IMediator mediator, HttpContext context) =>
            {
                await SessionCookie.SignInAsync(context, await mediator.Send(request, context.RequestAborted));
                return Results.Created("/api/v1/me", null);
            })
            .WithSummary("Creates a user and their organisation (tenant) with them as owner, and signs them in.").AllowAnonymous()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/login", async (LogIn request, IMediator mediator, HttpContext context) =>
            {
                await SessionCookie.SignInAsync(context, await mediator.Send(request, context.RequestAborted));
                return Results.NoContent();
            })
            .WithSummary("Signs in with e-mail and password; sets the session cookie.").AllowAnonymous()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/logout", async (HttpContext context) =>
            {
                await SessionCookie.SignOutAsync(context);
                return Results.NoContent();
            })
            .WithSummary("Ends the session, server-side: a copy of its cookie stops working too.").AllowAnonymous();

        auth.MapPost("/switch-tenant", async (SwitchTenant request, IMediator mediator, HttpContext context) =>
            {
                await SessionCookie.SignInAsync(context, await mediator.Send(request, context.RequestAborted));
                return Results.NoContent();
            })
            .WithSummary("Moves the session to another tenant the user belongs to.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

        auth.MapPost("/password-reset", async (RequestPasswordReset request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(request, cancellationToken);
                return Results.Accepted();
            })
            .WithSummary("E-mails a reset link if the address has an account; answers 202 either way.").AllowAnonymous()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/password-reset/confirm", async (ResetPassword request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(request, cancellationToken);
                return Results.NoContent();
            })
            .WithSummary("Sets a new password with the token from the e-mail; ends all sessions of the account.").AllowAnonymous()
            .ProducesValidationProblem();

        auth.MapGet("/antiforgery", (IAntiforgery antiforgery, HttpContext context) =>
                Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken, headerName = Antiforgery.HeaderName }))
            .WithSummary("The token a session must send in the X-CSRF-TOKEN header of state-changing requests.").AllowAnonymous();

        api.MapGet("/me", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetMe(), cancellationToken))
            .WithTags("Accounts")
            .WithSummary("The signed-in user or API key: current tenant, role, permissions and every tenant of the user.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
