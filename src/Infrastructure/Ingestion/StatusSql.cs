using Faultline.Domain.Ingestion;

namespace Faultline.Infrastructure.Ingestion;

/// <summary>Whether a run or job is finished, in SQL: from the Domain's statuses, one definition for ingestion and analytics.</summary>
internal static class StatusSql
{
    private static readonly string UnfinishedCodes = string.Join(", ", PipelineStatuses.Unfinished.Select(s => $"'{s.Code()}'"));

    /// <summary>True when the status column (or expression) holds a final status.</summary>
    public static string Finished(string status) => $"{status} NOT IN ({UnfinishedCodes})";
}
