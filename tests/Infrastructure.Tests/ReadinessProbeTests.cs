using Faultline.Application.Common.Interfaces;
using Faultline.TestSupport;

namespace Faultline.Infrastructure.Tests;

public sealed class ReadinessProbeTests : DatabaseTest
{
    [Fact]
    public async Task Postgres_is_not_ready_until_the_schemas_are_migrated()
    {
        await using var harness = new InfrastructureHarness(Database);
        var postgres = harness.GetAll<IReadinessProbe>().Single(p => p.Name == "postgres");

        Assert.NotNull(await postgres.FindProblemAsync(CancellationToken.None));
        await harness.Migrator.MigrateAllAsync(CancellationToken.None);
        Assert.Null(await postgres.FindProblemAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Redis_answers_a_ping()
    {
        await using var harness = new InfrastructureHarness(Database);

        Assert.Null(await harness.GetAll<IReadinessProbe>().Single(p => p.Name == "redis").FindProblemAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Redis_that_is_down_is_reported_not_hidden()
    {
        await using var harness = new InfrastructureHarness(Database, redis: $"127.0.0.1:{TestStack.ClosedPort()},connectTimeout=500");
        var redis = harness.GetAll<IReadinessProbe>().Single(p => p.Name == "redis");

        await Assert.ThrowsAnyAsync<Exception>(() => redis.FindProblemAsync(CancellationToken.None));
    }
}
