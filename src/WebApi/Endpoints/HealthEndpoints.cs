using System.ComponentModel.DataAnnotations;
using Faultline.Application.Health;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class HealthEndpoints
{
    public sealed record Liveness([property: AllowedValues("live")] string Status);

    public sealed record ReadinessReport(
        [property: AllowedValues("ready", "not_ready")] string Status, IReadOnlyList<DependencyCheck> Checks, InferenceStatus Inference);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();

        health.MapGet("/live", () => TypedResults.Ok(new Liveness("live")))
            .WithName("getLiveness")
            .WithSummary("The process is up (no dependency is checked).");

        health.MapGet("/ready", async (IMediator mediator, CancellationToken cancellationToken) =>
            {
                var readiness = await mediator.Send(new GetReadiness(), cancellationToken);
                return Results.Json(new ReadinessReport(readiness.IsReady ? "ready" : "not_ready", readiness.Checks, readiness.Inference),
                    statusCode: readiness.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("getReadiness")
            .WithSummary("PostgreSQL and Redis answer and the schemas are migrated; 503 otherwise. Names the inference provider (cuda or cpu).")
            .Produces<ReadinessReport>()
            .Produces<ReadinessReport>(StatusCodes.Status503ServiceUnavailable);
    }
}
