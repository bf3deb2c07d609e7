using Faultline.Application.Reports;
using Faultline.WebApi.Hosting;
using MediatR;

namespace Faultline.WebApi.Endpoints;

/// <summary>Scheduled reports: schedules, runs and their files, send now, preview, and the signed links of Slack messages (docs/report-schedules.md).</summary>
public static class ReportEndpoints
{
    public sealed record PauseBody(bool Paused);

    public sealed record NextRunsBody(ReportCadenceInput? Cadence, string? TimeZone);

    public static void MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListReportSchedules(), cancellationToken))
            .WithName("listReports")
            .WithSummary("Every report schedule with its next run and its latest run, by name.");

        reports.MapPost("", async (ReportScheduleInput body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateReportSchedule(body), cancellationToken);
                return Results.Created($"/api/v1/reports/{created.Id}", created);
            })
            .WithName("createReport")
            .WithSummary("Creates a report schedule: a dashboard, range, filters, recipients, cadence, time zone and format. Needs reports:manage.")
            .Produces<ReportScheduleDto>(StatusCodes.Status201Created).ProducesValidationProblem();

        reports.MapPost("/next-runs", (NextRunsBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new PreviewReportCadence(body.Cadence!, body.TimeZone), cancellationToken))
            .WithName("previewReportCadence")
            .WithSummary("The next three due times of a cadence in a time zone (the tenant's by default), for a live preview.")
            .Produces<ReportNextRuns>().ProducesValidationProblem();

        reports.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetReportSchedule(id), cancellationToken))
            .WithName("getReport")
            .WithSummary("One report schedule with its next and latest run.")
            .Produces<ReportScheduleDto>().ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapPut("/{id:guid}", (Guid id, ReportScheduleInput body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new UpdateReportSchedule(id, body), cancellationToken))
            .WithName("updateReport")
            .WithSummary("Replaces a report schedule's definition; its next run is computed afresh. Needs reports:manage.")
            .Produces<ReportScheduleDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new DeleteReportSchedule(id), cancellationToken);
                return Results.NoContent();
            })
            .WithName("deleteReport")
            .WithSummary("Deletes a report schedule with its runs and stored files. Needs reports:manage.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapPost("/{id:guid}/pause", (Guid id, PauseBody body, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new PauseReportSchedule(id, body.Paused), cancellationToken))
            .WithName("pauseReport")
            .WithSummary("Pauses (paused: true) or resumes a report; resumed, it runs at its next due time from now. Needs reports:manage.")
            .Produces<ReportScheduleDto>().ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapPut("/{id:guid}/subscription", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ChangeReportSubscription(id, Subscribed: true), cancellationToken))
            .WithName("subscribeToReport")
            .WithSummary("Adds the signed-in user's own e-mail address to a report's recipients.")
            .Produces<ReportScheduleDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        reports.MapDelete("/{id:guid}/subscription", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ChangeReportSubscription(id, Subscribed: false), cancellationToken))
            .WithName("unsubscribeFromReport")
            .WithSummary("Removes the signed-in user's own e-mail address from a report's recipients.")
            .Produces<ReportScheduleDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        reports.MapGet("/{id:guid}/runs", (Guid id, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListReportRuns(id, limit), cancellationToken))
            .WithName("listReportRuns")
            .WithSummary("A report's latest runs, newest first: status, duration, size, recipients, errors, and which files are still kept.")
            .Produces<IReadOnlyList<ReportRunDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapPost("/{id:guid}/send", (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new SendReportNow(id), cancellationToken))
            .WithName("sendReportNow")
            .WithSummary("Runs a report now and answers the run: sent (e-mail queued, Slack posted) or failed with the reasons. Needs reports:manage.")
            .Produces<ReportRunDto>().ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapGet("/{id:guid}/preview", async (Guid id, string? format, IMediator mediator, CancellationToken cancellationToken) =>
                File(await mediator.Send(new PreviewReport(id, format), cancellationToken), inline: true))
            .WithName("previewReport")
            .WithSummary("Renders the report as it would be sent now (format pdf or csv_zip), without sending or storing it.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "application/zip").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        reports.MapGet("/runs/{runId:guid}/{kind}", async (Guid runId, string kind, IMediator mediator, CancellationToken cancellationToken) =>
                File(await mediator.Send(new DownloadReportFile(runId, kind), cancellationToken), inline: false))
            .WithName("downloadReportFile")
            .WithSummary("A run's stored file, pdf or csv (a zip), for the retention period.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "application/zip").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/shared-reports/{token}", async (string token, IMediator mediator, CancellationToken cancellationToken) =>
                File(await mediator.Send(new DownloadSharedReport(token), cancellationToken), inline: true))
            .WithName("downloadSharedReport").WithTags("Reports")
            .WithSummary("The PDF behind a report's signed, expiring link (in its Slack message); no login. A changed or expired link is not found.")
            .WithDescription("The link authenticates itself: its token is signed by the server and names the tenant, the run and an expiry.")
            .SecuredBy()
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf").ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
    }

    private static IResult File(ReportFile file, bool inline) =>
        Results.File(file.Content, file.ContentType, inline ? null : file.FileName);
}
