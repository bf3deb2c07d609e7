using Faultline.Domain.Authorization;
using Faultline.Domain;
using Faultline.Application.Invitations;
using Faultline.Application.Members;
using Faultline.WebApi.Security;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class MemberEndpoints
{
    public sealed record RoleChange(
        [property: EnumCodes<Role>] string Role);

    public static void MapMemberEndpoints(this IEndpointRouteBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");

        members.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListMembers(), cancellationToken))
            .WithName("listMembers")
            .WithSummary("Lists the tenant's members (members:manage).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        members.MapPost("", async (AcceptInvitation request, IMediator mediator, HttpContext context) =>
            {
                var grant = await mediator.Send(request, context.RequestAborted);
                await SessionCookie.SignInAsync(context, grant);
                return TypedResults.Created("/api/v1/me", new AuthEndpoints.SignedIn(grant.UserId, grant.TenantId));
            })
            .WithName("acceptInvitation")
            .WithSummary("Joins a tenant with an invitation token (signed in as the invitee, or with a password), and signs in to it.")
            .AllowAnonymous()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);

        members.MapPatch("/{userId:guid}", async (Guid userId, RoleChange change, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new ChangeMemberRole(userId, change.Role), cancellationToken);
                return Results.NoContent();
            })
            .WithName("changeMemberRole")
            .WithSummary("Changes a member's role; only owners touch owners; the last owner stays.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        members.MapDelete("/{userId:guid}", async (Guid userId, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RemoveMember(userId), cancellationToken);
                return Results.NoContent();
            })
            .WithName("removeMember")
            .WithSummary("Removes a member; the last owner stays.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var invitations = api.MapGroup("/invitations").WithTags("Members");

        invitations.MapPost("", async (InviteMember request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var invitation = await mediator.Send(request, cancellationToken);
                return Results.Created($"/api/v1/invitations/{invitation.Id}", invitation);
            })
            .WithName("inviteMember")
            .WithSummary("Invites an e-mail address with a role; the invitation link is e-mailed.")
            .Produces<InvitationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        invitations.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListInvitations(), cancellationToken))
            .WithName("listInvitations")
            .WithSummary("Pending invitations.");

        invitations.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RevokeInvitation(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("revokeInvitation")
            .WithSummary("Revokes a pending invitation.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        invitations.MapGet("/preview", (string? token, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new PreviewInvitation(token ?? ""), cancellationToken))
            .WithName("previewInvitation")
            .WithSummary("What an invitation token offers: tenant, e-mail, role, whether the account exists.").AllowAnonymous()
            .ProducesValidationProblem();
    }
}
