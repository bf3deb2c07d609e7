using Faultline.Application.Ingestion;
using Faultline.Application.Runs;
using MediatR;
using Faultline.Domain.Authorization;
using Faultline.WebApi.Security;

namespace Faultline.WebApi.Endpoints;

public static class RunEndpoints
{
    /// <summary>A log body may exceed the 20 MB kept (head and tail are kept); past this it is refused unread.</summary>
    public const long MaxLogUploadBytes = 100L * 1024 * 1024;

    public static void MapRunEndpoints(this IEndpointRouteBuilder api)
    {
        var runs = api.MapGroup("").WithTags("Runs");

        runs.MapGet("/runs", ([AsParameters] ListQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListRuns(query.Filter(), query.Cursor, query.Limit ?? 50), cancellationToken))
            .WithName("listRuns")
            .WithSummary("Pipeline runs, newest first; filter by repository, pipeline, branch, status, provider, from, to (start time), "
                         + "finishedFrom, finishedTo (finish time); page with nextCursor.")
            .ProducesValidationProblem();

        runs.MapGet("/runs/{runId:long}", (long runId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetRun(runId), cancellationToken))
            .WithName("getRun")
            .WithSummary("One run with its jobs.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        runs.MapGet("/jobs", ([AsParameters] ListQuery query, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListJobs(query.Filter(), query.Cursor, query.Limit ?? 50), cancellationToken))
            .WithName("listJobs")
            .WithSummary("Job runs, newest first, each failed one with its category; the filters of /runs plus job (name) and category: "
                         + "failed jobs of that category as the dashboards count them (a taxonomy code, or unclassified).")
            .ProducesValidationProblem();

        runs.MapGet("/jobs/{jobId:long}", (long jobId, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetJob(jobId), cancellationToken))
            .WithName("getJob")
            .WithSummary("One job, with what is known of its log.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        runs.MapPut("/jobs/{jobId:long}/log", async (long jobId, HttpContext context, IMediator mediator) =>
            {
                context.RaiseBodyLimitFor(Permission.DataIngest, MaxLogUploadBytes);
                var gzip = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                           || context.Request.ContentType is "application/gzip" or "application/x-gzip";
                return await mediator.Send(new UploadJobLog(jobId, context.Request.Body, gzip), context.RequestAborted);
            })
            .WithName("uploadJobLog")
            .WithSummary("Uploads a job's log: plain text, or gzip (Content-Encoding: gzip or Content-Type: application/gzip). "
                         + "Up to 20 MB is kept whole; longer logs keep their first and last 10 MB. A body expanding past 200 MB is refused.")
            .Accepts<string>("text/plain", "application/gzip")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        runs.MapGet("/jobs/{jobId:long}/log", async (long jobId, bool? raw, IMediator mediator, HttpContext context) =>
            {
                var log = await mediator.Send(new GetJobLog(jobId, raw ?? false), context.RequestAborted);
                context.Response.Headers["X-Log-Original-Bytes"] = log.Info.OriginalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers["X-Log-Truncated"] = log.Info.Truncated ? "true" : "false";
                return Results.Text(log.Text, "text/plain; charset=utf-8");
            })
            .WithName("getJobLog")
            .WithSummary("A job's log as text; ANSI colour codes are stripped unless raw=true.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The query string of the runs and jobs lists.</summary>
    public sealed record ListQuery(
        string? Repository, string? Pipeline, string? Branch, string? Status, string? Provider, string? Job, DateTimeOffset? From,
        DateTimeOffset? To, string? Category, DateTimeOffset? FinishedFrom, DateTimeOffset? FinishedTo, string? Cursor, int? Limit)
    {
        public RunFilter Filter() => new(Repository, Pipeline, Branch, Status, Provider, Job, From, To, Category, FinishedFrom, FinishedTo);
    }
}
