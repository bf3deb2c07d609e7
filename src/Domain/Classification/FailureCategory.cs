namespace Faultline.Domain.Classification;

/// <summary>Why a failed job failed: the taxonomy of ../shared/datasets/ci-failures/TAXONOMY.md.</summary>
public enum FailureCategory
{
    Compilation,
    Test,
    Lint,
    Dependency,
    Configuration,
    Infrastructure,
    Timeout,
    Other,
}

public static class FailureCategories
{
    /// <summary>What analytics call a failed job the classifier has not labelled (yet).</summary>
    public const string Unclassified = "unclassified";

    /// <summary>What analytics call a failed job whose classification fell below its model's confidence threshold.</summary>
    public const string Uncertain = "uncertain";

    /// <summary>Every value a category filter may take: the taxonomy plus "unclassified" and "uncertain".</summary>
    public static IReadOnlyList<string> FilterValues { get; } = [.. EnumCode.All<FailureCategory>(), Unclassified, Uncertain];
}
