using Faultline.Domain.Classification;

namespace Faultline.Infrastructure.Classification;

/// <summary>
/// A failed job's category in SQL, one definition for the dashboards' counts and the explorer's filter
/// and column, so a drill-down from a category slice lists exactly the jobs the slice counted.
/// </summary>
internal static class FailedJobCategory
{
    /// <summary>The jobs that count as failed, to prefix with the job table's alias: <c>j.{IsFailed}</c>.</summary>
    public const string IsFailed = "status IN ('failure', 'timed_out')";

    /// <summary>
    /// The category of a failed job left-joined to its job_classifications row: "uncertain" when the model
    /// was not sure enough (a person's verdict never is), else what was stored, else "unclassified".
    /// </summary>
    public static string Of(string classificationAlias) =>
        $"CASE WHEN {classificationAlias}.uncertain THEN '{FailureCategories.Uncertain}' " +
        $"ELSE coalesce({classificationAlias}.category, '{FailureCategories.Unclassified}') END";
}
