using Faultline.Domain.Ingestion;
using Faultline.Domain;
using System.Text.Json;
using Faultline.Application.Webhooks;
using Faultline.WebApi.Hosting;
using Faultline.WebApi.Security;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class WebhookEndpoints
{
    public sealed record NewWebhook(
        [property: EnumCodes<Provider>] string Provider, string Name);

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var hooks = api.MapGroup("/hooks").WithTags("Webhooks");

        hooks.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListWebhooks(), cancellationToken))
            .WithName("listWebhooks")
            .WithSummary("The tenant's provider webhooks (apikeys:manage).");

        hooks.MapPost("", async (NewWebhook request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateWebhook(request.Provider, request.Name), cancellationToken);
                return Results.Created($"/api/v1/hooks/{created.Hook.Id}", created);
            })
            .WithName("createWebhook")
            .WithSummary("Creates a webhook for github, gitlab or jenkins; the secret is in this response only.")
            .Produces<CreatedWebhookDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        hooks.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteWebhook(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("deleteWebhook")
            .WithSummary("Deletes a webhook.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapPost("/{provider}/{hookId:guid}", async (string provider, Guid hookId, HttpContext context, IMediator mediator) =>
            {
                if (WebhookAuthentication.Target(context.Request.Path) is not { } target)
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"'{provider}' is not a webhook provider.");
                JsonDocument payload;
                try
                {
                    payload = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                }
                catch (JsonException exception)
                {
                    throw new BadHttpRequestException($"The request body is not valid JSON: {exception.Message}", exception);
                }

                using (payload)
                {
                    var headers = context.Request.Headers;
                    var eventType = headers["X-GitHub-Event"].FirstOrDefault() ?? headers["X-Gitlab-Event"].FirstOrDefault() ?? "build";
                    var outcome = await mediator.Send(new IngestWebhook(hookId, target.Provider, eventType, payload.RootElement.Clone(),
                        headers["X-GitHub-Delivery"].FirstOrDefault()), context.RequestAborted);
                    return outcome.Outcome == "rejected" ? IngestionEndpoints.NothingAccepted(outcome.Result!) : Results.Ok(outcome);
                }
            })
            .WithName("receiveWebhookDelivery")
            .WithSummary("Receives a provider's delivery. GitHub: workflow_run and workflow_job events, signed with X-Hub-Signature-256. "
                         + "GitLab: Pipeline and Job Hooks, with the secret as X-Gitlab-Token. Jenkins: Faultline's build notification "
                         + "(job, build, repository, branch, commit, phase, status, startedAt, finishedAt, stages[]) signed with "
                         + "X-Faultline-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. A delivery whose event "
                         + "cannot be stored answers 422 with the reason per item.")
            .WithDescription("""
                Deliveries authenticate as their hook, by signature, not with an API key or a session: GitHub's X-Hub-Signature-256
                and Jenkins' X-Faultline-Signature are "sha256=" + the hex HMAC-SHA256 of the raw body keyed with the hook's secret;
                GitLab sends the secret itself as X-Gitlab-Token. A delivery that fails the check answers 401.
                """)
            .SecuredBy()
            .Accepts<JsonElement>("application/json")
            .Produces<WebhookOutcome>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
