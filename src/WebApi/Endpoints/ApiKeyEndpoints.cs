using Faultline.Application.ApiKeys;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class ApiKeyEndpoints
{
    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");

        keys.MapPost("", async (CreateApiKey request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(request, cancellationToken);
                return Results.Created($"/api/v1/api-keys/{created.Details.Id}", new
                {
                    created.Details.Id, created.Key, created.Details.Name, created.Details.Prefix, created.Details.Scopes, created.Details.CreatedAt,
                });
            })
            .WithSummary("Creates a key; the secret (flt_…) is in this response only.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        keys.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListApiKeys(), cancellationToken))
            .WithSummary("Lists keys: prefix, name, scopes, created, last used, revoked.");

        keys.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RevokeApiKey(id), cancellationToken);
                return Results.NoContent();
            })
            .WithSummary("Revokes a key; its next request is refused.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
