using Faultline.Application.Common.Exceptions;
using Faultline.Application.Tenants;
using Faultline.Domain.Tenants;
using MediatR;

namespace Faultline.Application.Tests;

public class PipelineTests
{
    [Fact]
    public void Every_request_has_exactly_one_handler()
    {
        using var harness = new ApplicationHarness();
        var requests = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
                .Select(i => typeof(IRequestHandler<,>).MakeGenericType(t, i.GetGenericArguments()[0])))
            .ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, handler => Assert.Single(harness.Registrations, registration => registration.ServiceType == handler));
    }

    [Fact]
    public async Task An_invalid_request_is_rejected_with_field_errors_before_its_handler_runs()
    {
        using var harness = new ApplicationHarness(FakePrincipal.Operator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => harness.SendAsync(new ProvisionTenant("Not A Key", "")));

        Assert.Contains("key", error.Errors.Keys);
        Assert.Contains("name", error.Errors.Keys);
        Assert.Empty(harness.Catalog.Tenants);
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated_even_when_the_request_is_also_invalid()
    {
        using var harness = new ApplicationHarness(FakePrincipal.Anonymous);

        await Assert.ThrowsAsync<UnauthenticatedException>(() => harness.SendAsync(new ProvisionTenant("??", "")));
        Assert.Empty(harness.Catalog.Tenants);
    }

    [Fact]
    public async Task A_caller_without_the_declared_permission_is_forbidden()
    {
        using var harness = new ApplicationHarness(new FakePrincipal(authenticated: true));

        var error = await Assert.ThrowsAsync<ForbiddenAccessException>(() => harness.SendAsync(new ListTenants()));

        Assert.Equal("platform:tenants", error.Missing.Code);
    }

    [Fact]
    public async Task The_operator_provisions_a_tenant()
    {
        using var harness = new ApplicationHarness(FakePrincipal.Operator);

        var tenant = await harness.SendAsync(new ProvisionTenant("acme", "Acme Inc."));

        Assert.Equal("t_acme", tenant.SchemaName);
        Assert.Single(harness.Catalog.Tenants);
    }

    [Fact]
    public async Task A_taken_key_is_a_conflict()
    {
        using var harness = new ApplicationHarness(FakePrincipal.Operator);
        await harness.SendAsync(new ProvisionTenant("acme", "Acme Inc."));

        await Assert.ThrowsAsync<ConflictException>(() => harness.SendAsync(new ProvisionTenant("acme", "Another Acme")));
        Assert.Single(harness.Catalog.Tenants);
    }

    [Fact]
    public async Task A_batch_beyond_the_cap_is_refused_before_anything_is_stored()
    {
        using var harness = new ApplicationHarness(new FakePrincipal(true, Domain.Authorization.Permission.DataIngest));
        var items = Enumerable.Repeat(new Ingestion.EventInput(null, "x"), Ingestion.IngestEvents.MaxItems + 1).ToList();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => harness.SendAsync(new Ingestion.IngestEvents(items)));

        Assert.Contains("items", error.Errors.Keys);
    }
}
