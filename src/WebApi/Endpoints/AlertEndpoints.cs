using Faultline.Application.Alerts;
using MediatR;

namespace Faultline.WebApi.Endpoints;

/// <summary>Threshold alerts: rules, channels, history (docs/alerts.md).</summary>
public static class AlertEndpoints
{
    public sealed record MuteBody(int? Minutes);

    /// <summary>Without a group, every firing group of the rule is acknowledged.</summary>
    public sealed record AcknowledgeBody(string? Group);

    public sealed record ChannelBody(string? Name, string? Kind, string? Url, IReadOnlyList<string>? Recipients);

    public sealed record HistoryQuery(
        Guid? RuleId, Guid? ChannelId, string? Kind, string? State, DateTimeOffset? From, DateTimeOffset? To, int? Limit, string? Cursor);

    public static void MapAlertEndpoints(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");

        alerts.MapGet("/rules", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListAlertRules(), cancellationToken))
            .WithName("listAlertRules")
            .WithSummary("The alert rules with their current state per group, the most severe first.");

        alerts.MapPost("/rules", async (AlertRuleInput body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateAlertRule(body), cancellationToken);
                return Results.Created($"/api/v1/alerts/rules/{created.Id}", created);
            })
            .WithName("createAlertRule")
            .WithSummary("Creates an alert rule: a metric query, a condition, a window, a 'for' duration, severity and channels.")
            .Produces<AlertRuleDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        alerts.MapPost("/rules/preview", (AlertRuleInput body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new PreviewAlertRule(body), cancellationToken))
            .WithName("previewAlertRule")
            .WithSummary("What a draft rule sees now per group, and its metric over recent time with the threshold, for a chart.")
            .Produces<AlertPreview>().ProducesValidationProblem();

        alerts.MapGet("/rules/{id:guid}", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetAlertRule(id), cancellationToken))
            .WithName("getAlertRule")
            .WithSummary("One alert rule with its current state.")
            .Produces<AlertRuleDto>().ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapPut("/rules/{id:guid}", (Guid id, AlertRuleInput body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new UpdateAlertRule(id, body), cancellationToken))
            .WithName("updateAlertRule")
            .WithSummary("Replaces a rule's definition; its states start over when the query, condition or window changed.")
            .Produces<AlertRuleDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapDelete("/rules/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteAlertRule(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("deleteAlertRule")
            .WithSummary("Deletes a rule and its undelivered notifications; its history stays.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapPost("/rules/{id:guid}/mute", (Guid id, MuteBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new MuteAlertRule(id, body.Minutes), cancellationToken))
            .WithName("muteAlertRule")
            .WithSummary("Mutes a rule for 'minutes' (0 unmutes): it keeps evaluating and recording, but notifies nobody.")
            .Produces<AlertRuleDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapPost("/rules/{id:guid}/acknowledge", (Guid id, AcknowledgeBody? body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new AcknowledgeAlert(id, body?.Group, AllGroups: body?.Group is null), cancellationToken))
            .WithName("acknowledgeAlert")
            .WithSummary("Acknowledges firing groups (all, or the one named): no re-notifications until they resolve.")
            .Produces<AlertRuleDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        alerts.MapPost("/rules/{id:guid}/test", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new TestAlertRule(id), cancellationToken))
            .WithName("testAlertRule")
            .WithSummary("Sends a test notification to each of the rule's channels now and answers each outcome.")
            .Produces<TestResultDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        alerts.MapGet("/templates", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListAlertTemplates(), cancellationToken))
            .WithName("listAlertTemplates")
            .WithSummary("Drafts of common rules to start from.");

        alerts.MapGet("/channels", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListAlertChannels(), cancellationToken))
            .WithName("listAlertChannels")
            .WithSummary("Notification channels with their delivery health.");

        alerts.MapPost("/channels", async (ChannelBody body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateAlertChannel(body.Name, body.Kind, body.Url, body.Recipients), cancellationToken);
                return Results.Created($"/api/v1/alerts/channels/{created.Id}", created);
            })
            .WithName("createAlertChannel")
            .WithSummary("Creates a Slack, e-mail or webhook channel; a webhook's signing secret is in this answer only.")
            .Produces<CreatedAlertChannelDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        alerts.MapDelete("/channels/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteAlertChannel(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("deleteAlertChannel")
            .WithSummary("Deletes a channel; rules stop using it and its undelivered notifications are dropped.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapPost("/channels/{id:guid}/test", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new TestAlertChannel(id), cancellationToken))
            .WithName("testAlertChannel")
            .WithSummary("Sends a test message to one channel now.")
            .Produces<TestResultDto>().ProducesProblem(StatusCodes.Status404NotFound);

        alerts.MapGet("/history", ([AsParameters] HistoryQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListAlertHistory(query.RuleId, query.ChannelId, query.Kind, query.State, query.From, query.To, query.Limit, query.Cursor),
                    cancellationToken))
            .WithName("listAlertHistory")
            .WithSummary("State changes, delivery attempts, mutes, acknowledgements and tests, newest first; filter by rule, channel, kind, state, time.")
            .Produces<AlertHistoryPage>().ProducesValidationProblem();
    }
}
