using System.Diagnostics;
using Faultline.Application.Classification;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Faultline.Application.Health;

/// <summary>Whether every dependency answers, each with its latency, and where inference runs; open to anyone (load balancers).</summary>
[AllowsAnonymous]
public sealed record GetReadiness : IRequest<Readiness>;

public sealed record Readiness(bool IsReady, IReadOnlyList<DependencyCheck> Checks, InferenceStatus Inference);

/// <param name="Provider">The execution provider the models run on: "cuda" or "cpu".</param>
public sealed record InferenceStatus(string Provider);

public sealed record DependencyCheck(string Name, bool Healthy, double DurationMs, string? Problem);

public sealed class GetReadinessHandler(IEnumerable<IReadinessProbe> probes, IFailureClassifier classifier, ILogger<GetReadinessHandler> logger)
    : IRequestHandler<GetReadiness, Readiness>
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<Readiness> Handle(GetReadiness request, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(probes.Select(probe => CheckAsync(probe, cancellationToken)));
        return new Readiness(checks.All(c => c.Healthy), checks, new InferenceStatus(classifier.ExecutionProvider));
    }

    private async Task<DependencyCheck> CheckAsync(IReadinessProbe probe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        string? problem;
        try
        {
            problem = await probe.FindProblemAsync(cancellationToken).WaitAsync(ProbeTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            problem = $"No answer within {ProbeTimeout.TotalSeconds:0} s.";
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The answer is public: it names the dependency; the exception (addresses, versions, internals) goes to the log.
            logger.LogWarning(exception, "Readiness probe {Dependency} failed", probe.Name);
            problem = $"{probe.Name} is unavailable.";
        }

        return new DependencyCheck(probe.Name, problem is null, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), problem);
    }
}
