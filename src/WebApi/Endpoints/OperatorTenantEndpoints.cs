using Faultline.Application.Tenants;
using Faultline.WebApi.Hosting;
using MediatR;

namespace Faultline.WebApi.Endpoints;

/// <summary>The platform operator's tenant provisioning (bearer token from Faultline:OperatorToken).</summary>
public static class OperatorTenantEndpoints
{
    public static void MapOperatorTenantEndpoints(this IEndpointRouteBuilder api)
    {
        var tenants = api.MapGroup("/admin/tenants").WithTags("Operator").SecuredBy(ApiContract.OperatorToken);

        tenants.MapGet("", (IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new ListTenants(), cancellationToken))
            .WithName("listTenants")
            .WithSummary("Lists every tenant.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        tenants.MapPost("", async (ProvisionTenant request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var tenant = await mediator.Send(request, cancellationToken);
                return TypedResults.Created($"/api/v1/admin/tenants/{tenant.Key}", tenant);
            })
            .WithName("provisionTenant")
            .WithSummary("Creates a tenant and its schema, migrated to the current version.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
