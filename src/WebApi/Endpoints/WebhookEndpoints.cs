using System.Diagnostics;
using System.Text.Json;
using Faultline.Application.Webhooks;
using Faultline.Domain;
using Faultline.Domain.Ingestion;
using Faultline.WebApi.Hosting;
using Faultline.WebApi.Security;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class WebhookEndpoints
{
    public sealed record NewWebhook([property: EnumCodes<Provider>] string Provider, string Name, string? Token = null, string? ApiBaseUrl = null);

    /// <summary>Absent or null: kept; empty: cleared (the address goes back to the provider's default).</summary>
    public sealed record WebhookChanges(string? Token, string? ApiBaseUrl);

    /// <summary>The provider's descriptive headers, kept with a dead letter for inspection; never its secrets or signatures.</summary>
    private static readonly string[] KeptHeaders =
    [
        "X-GitHub-Event", "X-GitHub-Delivery", "X-GitHub-Hook-ID", "X-GitHub-Hook-Installation-Target-Type", "X-GitHub-Hook-Installation-Target-ID",
        "X-Gitlab-Event", "X-Gitlab-Event-UUID", "X-Gitlab-Instance", "User-Agent",
    ];

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        var hooks = api.MapGroup("/hooks").WithTags("Webhooks");

        hooks.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListWebhooks(), cancellationToken))
            .WithName("listWebhooks")
            .WithSummary("The tenant's provider webhooks (apikeys:manage).");

        hooks.MapPost("", async (NewWebhook request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateWebhook(request.Provider, request.Name, request.Token, request.ApiBaseUrl), cancellationToken);
                return Results.Created($"/api/v1/hooks/{created.Hook.Id}", created);
            })
            .WithName("createWebhook")
            .WithSummary("Creates a webhook for github, gitlab or jenkins; the secret is in this response only. A github or gitlab hook may "
                         + "take a provider token (and API address) at once, to download the logs of failed jobs.")
            .Produces<CreatedWebhookDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        hooks.MapPatch("/{id:guid}", (Guid id, WebhookChanges changes, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new UpdateWebhook(id, changes.Token, changes.ApiBaseUrl), cancellationToken))
            .WithName("updateWebhook")
            .WithSummary("Sets or clears a github or gitlab hook's provider token (GitHub: a fine-grained token with read-only Actions; "
                         + "GitLab: a project or group token with read_api) and its API address (GitHub Enterprise, self-managed GitLab). "
                         + "The token is never shown again: the hook says only whether one is set, and its last download error.")
            .Produces<WebhookDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

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
                // Kept byte for byte: a dead letter replays exactly what the provider sent (already buffered for the signature).
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                var headers = context.Request.Headers;
                var eventType = headers["X-GitHub-Event"].FirstOrDefault() ?? headers["X-Gitlab-Event"].FirstOrDefault() ?? "build";
                var kept = KeptHeaders.Where(name => headers.ContainsKey(name)).ToDictionary(name => name, name => headers[name].ToString());
                var delivery = new WebhookDelivery(hookId, target.Provider, eventType, headers["X-GitHub-Delivery"].FirstOrDefault(),
                    context.Request.ContentType, body.ToArray(), kept);
                return Answer(await mediator.Send(new IngestWebhook(delivery), context.RequestAborted));
            })
            .WithName("receiveWebhookDelivery")
            .WithSummary("Receives a provider's delivery. GitHub: workflow_run and workflow_job events, signed with X-Hub-Signature-256, "
                         + "as application/json or application/x-www-form-urlencoded (the JSON in the field payload). "
                         + "GitLab: Pipeline and Job Hooks, with the secret as X-Gitlab-Token. Jenkins: the notification of "
                         + "Faultline's Jenkins library (integrations/jenkins: jobName, buildNumber, result, git, causes, the build's "
                         + "wfapi/describe, logs of failed stages by stage id) signed with X-Faultline-Signature: sha256=<hex "
                         + "HMAC-SHA256 of the body with the secret>. Up to 25 MB. A delivery whose content "
                         + "cannot all be stored answers 422 with the reasons and is kept as a dead letter, to replay after a fix; "
                         + "its delivery id is not recorded, so the provider's redelivery is processed again.")
            .Accepts<JsonElement>("application/json", WebhookDelivery.FormContentType)
            .WithDescription("""
                Deliveries authenticate as their hook, by signature, not with an API key or a session: GitHub's X-Hub-Signature-256
                and Jenkins' X-Faultline-Signature are "sha256=" + the hex HMAC-SHA256 of the raw body keyed with the hook's secret;
                GitLab sends the secret itself as X-Gitlab-Token. A delivery that fails the check answers 401.
                """)
            .SecuredBy()
            .Accepts<JsonElement>("application/json", WebhookDelivery.FormContentType)
            .Produces<WebhookOutcome>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var deadLetters = hooks.MapGroup("/dead-letters");

        deadLetters.MapGet("", (string? cursor, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListDeadLetters(cursor, limit ?? 50), cancellationToken))
            .WithName("listDeadLetters")
            .WithSummary("Deliveries Faultline could not store, newest first, with the reasons; pass nextCursor as cursor for the next page "
                         + "(apikeys:manage).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        deadLetters.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetDeadLetter(id), cancellationToken))
            .WithName("getDeadLetter")
            .WithSummary("A delivery Faultline could not store, with the payload and headers the provider sent.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        deadLetters.MapPost("/{id:guid}/replay", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                Answer(await mediator.Send(new ReplayDeadLetter(id), cancellationToken)))
            .WithName("replayDeadLetter")
            .WithSummary("Processes a dead letter's delivery again with today's mapping: stored, it is resolved and its delivery id recorded; "
                         + "refused again, the answer is 422 with the new reasons and one more attempt is counted.")
            .Produces<WebhookOutcome>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deadLetters.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DiscardDeadLetter(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("discardDeadLetter")
            .WithSummary("Discards a dead letter without storing its delivery (audited).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>200 with the outcome, or 422 naming the dead letter that keeps the delivery and why it was not stored.</summary>
    private static IResult Answer(DeliveryResult result) => result switch
    {
        WebhookOutcome outcome => Results.Ok(outcome),
        DeadLettered kept => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The delivery could not be stored",
            detail: $"Kept as dead letter {kept.DeadLetterId}, to replay from the integrations page once fixed: {string.Join("; ", kept.Reasons)}",
            extensions: new Dictionary<string, object?> { ["deadLetterId"] = kept.DeadLetterId, ["reasons"] = kept.Reasons, ["items"] = kept.Result?.Items }),
        _ => throw new UnreachableException($"Unknown delivery result {result.GetType().Name}."),
    };
}
