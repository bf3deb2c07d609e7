using Faultline.Application.ApiKeys;
using Faultline.Domain;
using Faultline.Domain.ApiKeys;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class ApiKeyEndpoints
{
    /// <summary>A new key: the secret <c>Key</c> is in this answer only.</summary>
    public sealed record CreatedApiKey(
        Guid Id, string Key, string Name, string Prefix, [property: EnumCodes<ApiKeyScope>] IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");

        keys.MapPost("", async (CreateApiKey request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(request, cancellationToken);
                return TypedResults.Created($"/api/v1/api-keys/{created.Details.Id}", new CreatedApiKey(
                    created.Details.Id, created.Key, created.Details.Name, created.Details.Prefix, created.Details.Scopes, created.Details.CreatedAt));
            })
            .WithName("createApiKey")
            .WithSummary("Creates a key; the secret (flt_…) is in this response only.")
            .ProducesValidationProblem();

        keys.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListApiKeys(), cancellationToken))
            .WithName("listApiKeys")
            .WithSummary("Lists keys: prefix, name, scopes, created, last used, revoked.");

        keys.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RevokeApiKey(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("revokeApiKey")
            .WithSummary("Revokes a key; its next request is refused.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
