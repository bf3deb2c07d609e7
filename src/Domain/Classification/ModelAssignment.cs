namespace Faultline.Domain.Classification;

/// <summary>
/// Which model classifies a tenant's failures, and optionally a challenger that serves a share of
/// jobs (both predict every job, so the two can be compared on the same failures).
/// </summary>
public sealed record ModelAssignment
{
    public ModelAssignment(string active, string? challenger, double challengerShare)
    {
        if (string.IsNullOrWhiteSpace(active)) throw new DomainRuleException("A model must be active.");
        if (challengerShare is < 0 or > 1 || double.IsNaN(challengerShare)) throw new DomainRuleException("The challenger's share is between 0 and 1.");
        if (challenger == active) throw new DomainRuleException("The challenger must be another model than the active one.");
        if (challenger is null && challengerShare > 0) throw new DomainRuleException("A challenger share needs a challenger model.");
        Active = active;
        Challenger = challenger;
        ChallengerShare = challengerShare;
    }

    public string Active { get; }

    public string? Challenger { get; }

    public double ChallengerShare { get; }

    /// <summary>The models that predict every job: the active one first.</summary>
    public IReadOnlyList<string> Models => Challenger is null ? [Active] : [Active, Challenger];

    /// <summary>The model whose answer a job is given: stable per job, the challenger for its share of jobs.</summary>
    public string ServedFor(long jobId)
    {
        if (Challenger is null || ChallengerShare <= 0) return Active;
        // A multiplicative hash spreads consecutive ids evenly over the buckets.
        var bucket = ((ulong)jobId * 11400714819323198485UL >> 32) % 10_000;
        return bucket < ChallengerShare * 10_000 ? Challenger : Active;
    }
}
