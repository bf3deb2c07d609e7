using Faultline.Application.Settings;
using MediatR;

namespace Faultline.WebApi.Endpoints;

public static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");

        settings.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetTenantSettings(), cancellationToken))
            .WithName("getSettings")
            .WithSummary("The tenant's name, time zone (days on dashboards, alerts and reports are cut at its midnight) and runner price (data:read).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        settings.MapPut("", (UpdateTenantSettings request, IMediator mediator, CancellationToken cancellationToken) => mediator.Send(request, cancellationToken))
            .WithName("updateSettings")
            .WithSummary("Changes the tenant's name, time zone and runner price (settings:manage). A new time zone re-cuts the daily figures at its midnight before it answers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
