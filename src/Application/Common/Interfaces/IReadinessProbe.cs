namespace Faultline.Application.Common.Interfaces;

/// <summary>Checks one thing the service needs before it can take traffic (database, cache, ...).</summary>
public interface IReadinessProbe
{
    string Name { get; }

    /// <summary>Returns null when healthy, otherwise why not. May throw; a throw counts as unhealthy.</summary>
    Task<string?> FindProblemAsync(CancellationToken cancellationToken);
}
