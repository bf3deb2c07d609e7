using System.Text.Json;
using Faultline.Application.Webhooks;
using Faultline.WebApi.Security;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class WebhookEndpoints
{
    public sealed record NewWebhook(string Provider, string Name, string? Token = null, string? ApiBaseUrl = null);

    /// <summary>Absent or null: kept; empty: cleared (the address goes back to the provider's default).</summary>
    public sealed record WebhookChanges(string? Token, string? ApiBaseUrl);

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var hooks = api.MapGroup("/hooks").WithTags("Webhooks");

        hooks.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListWebhooks(), cancellationToken))
            .WithSummary("The tenant's provider webhooks (apikeys:manage).");

        hooks.MapPost("", async (NewWebhook request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateWebhook(request.Provider, request.Name, request.Token, request.ApiBaseUrl), cancellationToken);
                return Results.Created($"/api/v1/hooks/{created.Hook.Id}", created);
            })
            .WithSummary("Creates a webhook for github, gitlab or jenkins; the secret is in this response only. A github or gitlab hook may "
                         + "take a provider token (and API address) at once, to download the logs of failed jobs.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        hooks.MapPatch("/{id:guid}", (Guid id, WebhookChanges changes, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new UpdateWebhook(id, changes.Token, changes.ApiBaseUrl), cancellationToken))
            .WithSummary("Sets or clears a github or gitlab hook's provider token (GitHub: a fine-grained token with read-only Actions; "
                         + "GitLab: a project or group token with read_api) and its API address (GitHub Enterprise, self-managed GitLab). "
                         + "The token is never shown again: the hook says only whether one is set, and its last download error.")
            .Produces<WebhookDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteWebhook(id), cancellationToken);
                return Results.NoContent();
            })
            .WithSummary("Deletes a webhook.")
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
            .WithSummary("Receives a provider's delivery. GitHub: workflow_run and workflow_job events, signed with X-Hub-Signature-256. "
                         + "GitLab: Pipeline and Job Hooks, with the secret as X-Gitlab-Token. Jenkins: Faultline's build notification "
                         + "(job, build, repository, branch, commit, phase, status, startedAt, finishedAt, stages[]) signed with "
                         + "X-Faultline-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. A delivery whose event "
                         + "cannot be stored answers 422 with the reason per item.")
            .Accepts<JsonElement>("application/json")
            .Produces<WebhookOutcome>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
