using Faultline.Application.Classification;
using Faultline.Application.Common.Interfaces;
using Faultline.Domain.Classification;
using Faultline.Application.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Faultline.Application.Tests;

public class ReadinessTests
{
    private sealed class Probe(string name, Func<CancellationToken, Task<string?>> check) : IReadinessProbe
    {
        public string Name => name;

        public Task<string?> FindProblemAsync(CancellationToken cancellationToken) => check(cancellationToken);
    }

    /// <summary>Only where the models run: readiness reads nothing else of the classifier.</summary>
    private sealed class ClassifierOn(string provider) : IFailureClassifier
    {
        public string ExecutionProvider => provider;

        public IReadOnlyList<ModelCard> Models => throw new NotSupportedException();

        public ModelAssignment DefaultAssignment => throw new NotSupportedException();

        public float[] Classify(string modelVersion, ReadOnlySpan<float> documents, int rows) => throw new NotSupportedException();

        public float[] ScoreLines(string modelVersion, ReadOnlySpan<float> lines, int rows) => throw new NotSupportedException();
    }

    private static ApplicationHarness Harness(IEnumerable<IReadinessProbe> probes, string provider = "cpu") =>
        new(probes: probes, ports: services => services.AddSingleton<IFailureClassifier>(new ClassifierOn(provider)));

    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    public async Task Names_the_execution_provider_the_models_run_on(string provider)
    {
        using var harness = Harness([], provider);

        var readiness = await harness.SendAsync(new GetReadiness());

        Assert.Equal(provider, readiness.Inference.Provider);
    }

    [Fact]
    public async Task Ready_when_every_probe_is_healthy()
    {
        using var harness = Harness([new Probe("a", _ => Task.FromResult<string?>(null)), new Probe("b", _ => Task.FromResult<string?>(null))]);

        var readiness = await harness.SendAsync(new GetReadiness());

        Assert.True(readiness.IsReady);
        Assert.Equal(["a", "b"], readiness.Checks.Select(c => c.Name));
    }

    [Fact]
    public async Task A_probe_that_reports_a_problem_or_throws_makes_the_service_not_ready()
    {
        using var harness = Harness(
        [
            new Probe("reports", _ => Task.FromResult<string?>("migrations pending")),
            new Probe("throws", _ => throw new InvalidOperationException("connection refused")),
            new Probe("fine", _ => Task.FromResult<string?>(null)),
        ]);

        var readiness = await harness.SendAsync(new GetReadiness());

        Assert.False(readiness.IsReady);
        Assert.Equal("migrations pending", readiness.Checks.Single(c => c.Name == "reports").Problem);
        Assert.Equal("throws is unavailable.", readiness.Checks.Single(c => c.Name == "throws").Problem);
        Assert.True(readiness.Checks.Single(c => c.Name == "fine").Healthy);
    }

    [Fact]
    public async Task A_probe_that_hangs_times_out_as_unhealthy()
    {
        using var harness = Harness([new Probe("hangs", async token => { await Task.Delay(Timeout.Infinite, token); return null; })]);

        var readiness = await harness.SendAsync(new GetReadiness());

        Assert.False(readiness.IsReady);
        Assert.Contains("No answer", readiness.Checks.Single().Problem);
    }
}
