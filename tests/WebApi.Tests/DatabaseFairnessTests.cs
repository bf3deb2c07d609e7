using System.Net;
using System.Net.Http.Json;
using Faultline.Application.Analytics;
using Faultline.Application.Common.Security;
using Faultline.Domain.Analytics;
using Faultline.Domain.Authorization;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Faultline.WebApi.Tests;

/// <summary>
/// One tenant cannot take the database from the others: it holds at most a few connections at once,
/// every statement runs under its query class's timeout, and a shared query result does not depend on
/// the caller that started it. Queries are slow for real: the test locks the tenant's tables, so they wait.
/// </summary>
public sealed class DatabaseFairnessTests(DatabaseFairnessTests.LimitedApi fixture) : IClassFixture<DatabaseFairnessTests.LimitedApi>
{
    /// <summary>Two connections per tenant, refused after 0.2 s of waiting; interactive statements stop after 1 s.</summary>
    public sealed class LimitedApi : IAsyncLifetime
    {
        public RunningApi Api { get; private set; } = null!;

        public async Task InitializeAsync() => Api = await RunningApi.StartAsync(settings:
        [
            "--Faultline:Database:MaxConnectionsPerTenant=2",
            "--Faultline:Database:ConnectionWait=00:00:00.200",
            "--Faultline:Database:StatementTimeouts:Interactive=00:00:01",
        ]);

        public async Task DisposeAsync() => await Api.DisposeAsync();
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private RunningApi Api => fixture.Api;

    [Fact]
    public async Task A_tenant_at_its_connection_limit_is_refused_with_503_while_another_tenant_is_served()
    {
        using var busy = await TenantAsync();
        using var other = await TenantAsync();
        Task<HttpResponseMessage[]> holding;
        await using (await LockDataTablesAsync(busy.Schema))
        {
            // Two different queries (no shared computation), each waiting on the locks on one of the tenant's two connections.
            holding = Task.WhenAll(FailuresAsync(busy.Key, "acme/api"), FailuresAsync(busy.Key, "acme/web"));
            await WaitForLockWaitersAsync(2);

            var refused = await FailuresAsync(busy.Key);
            Assert.NotNull(refused.Headers.RetryAfter);
            var problem = await ProblemAssert.IsProblemAsync(refused, 503);
            Assert.Contains("at once", problem.GetProperty("detail").GetString());
            Assert.Equal(HttpStatusCode.OK, (await FailuresAsync(other.Key)).StatusCode);
        }

        Assert.All(await holding, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await FailuresAsync(busy.Key)).StatusCode);
    }

    [Fact]
    public async Task A_statement_past_its_timeout_is_stopped_and_answers_504_and_the_tenant_keeps_working()
    {
        using var tenant = await TenantAsync();
        await using (await LockDataTablesAsync(tenant.Schema))
        {
            var problem = await ProblemAssert.IsProblemAsync(await tenant.Owner.GetAsync("/api/v1/runs"), 504);
            Assert.Contains("took longer", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await tenant.Owner.GetAsync("/api/v1/runs")).StatusCode);
    }

    /// <summary>
    /// Through the app's own pipeline, with tokens the test controls (a disconnecting HTTP client reaches the
    /// server as a cancelled request token too, but only once the server notices).
    /// </summary>
    [Fact]
    public async Task A_caller_that_gives_up_does_not_fail_the_others_waiting_for_the_same_result()
    {
        using var tenant = await TenantAsync();
        var tenantId = await Api.Database.ScalarAsync<Guid>($"SELECT id FROM catalog.tenants WHERE schema_name = '{tenant.Schema}'");
        var query = new QueryMetric(new MetricSpec("failures"), T0.AddDays(-1), T0.AddDays(1));
        using var leaving = new CancellationTokenSource();
        Task<MetricResult> waiting;
        await using (await LockDataTablesAsync(tenant.Schema))
        {
            var first = SendAsync(tenantId, query, leaving.Token);
            await WaitForLockWaitersAsync(1);
            waiting = SendAsync(tenantId, query, CancellationToken.None);
            // Not a timed assertion: it only gives the second caller the moment it needs to join the first one's computation.
            await Task.Delay(TimeSpan.FromSeconds(1));
            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        }

        Assert.Equal(2, (await waiting).Series[0].Points[0].Value);
    }

    private async Task<T> SendAsync<T>(Guid tenantId, IRequest<T> request, CancellationToken cancellationToken)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalOverride>().Principal =
            new BackgroundPrincipal(tenantId, "test:reader", new HashSet<Permission> { Permission.DataRead });
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    private sealed record Tenant(ApiSession Owner, HttpClient Key, string Schema) : IDisposable
    {
        public void Dispose()
        {
            Key.Dispose();
            Owner.Dispose();
        }
    }

    private async Task<Tenant> TenantAsync()
    {
        var owner = new ApiSession(Api);
        await owner.SignUpAsync(Emails.New("fairness"));
        var (key, _) = await Teams.KeyAsync(owner, "ingest", "read");
        var events = Enumerable.Range(0, 5).Select(i => (object)new
        {
            type = "job", provider = "api", externalId = $"r1-{i}", attempt = 1, runExternalId = "r1", repository = "acme/api", pipeline = "CI",
            branch = "main", name = $"job-{i}", status = i < 2 ? "failure" : "success", queuedAt = T0, startedAt = T0.AddMinutes(1),
            finishedAt = T0.AddMinutes(5),
        }).ToArray();
        (await key.PostAsJsonAsync("/api/v1/events", events)).EnsureSuccessStatusCode();
        var schema = "t_" + (await owner.MeAsync()).GetProperty("tenant").GetProperty("key").GetString()!.Replace('-', '_');
        return new Tenant(owner, key, schema);
    }

    private static Task<HttpResponseMessage> FailuresAsync(HttpClient key, string? repository = null,
        CancellationToken cancellationToken = default) =>
        key.PostAsJsonAsync("/api/v1/metrics/query",
            new { metric = "failures", from = T0.AddDays(-1), to = T0.AddDays(1), filters = new { repository } }, cancellationToken);

    /// <summary>
    /// Locks the tables runs and metrics are read from until disposed: queries on them wait. Not the
    /// settings (the data version is read from them) nor the tables background work starts from (alert
    /// rules, the classification queue), which would take the tenant's connections too. Its own session,
    /// so closing it ends the transaction and frees the locks.
    /// </summary>
    private async Task<NpgsqlConnection> LockDataTablesAsync(string schema)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Api.Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = string.Join(", ", new[] { "pipeline_runs", "job_runs", "job_rollups_hourly", "job_rollups_daily" }.Select(t => $"{schema}.{t}"));
        await using var command = new NpgsqlCommand($"BEGIN; LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE;", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private Task WaitForLockWaitersAsync(int count) => RunningApi.WaitForAsync(async () => await Api.Database.ScalarAsync<long>(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") >= count);
}
