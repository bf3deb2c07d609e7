using Faultline.Application.Audit;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", (string? cursor, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListAuditLog(cursor, limit ?? 50), cancellationToken))
            .WithTags("Audit")
            .WithName("listAuditLog")
            .WithSummary("The tenant's audit log, newest first; pass nextCursor as cursor for the next page (audit:read).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
}
