using System.Globalization;
using Faultline.Application.Common.Paging;
using Faultline.Domain.Classification;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Runs;

/// <summary>What the runs and jobs lists share: filter rules and (time, id) keyset pages.</summary>
internal static class RunPaging
{
    public const string FilterRule =
        "status must be a known status, provider github, gitlab, jenkins or api, from before to, and finishedFrom before finishedTo.";

    public static readonly string CategoryRule = $"category is one of {string.Join(", ", FailureCategories.FilterValues)}.";

    public static bool IsValidCursor(string? cursor) => cursor is null || After(cursor) is not null;

    public static bool IsValidFilter(RunFilter filter) =>
        (filter.Status is null || PipelineStatuses.Normalize(filter.Status) is not null)
        && (filter.Provider is null || Domain.EnumCode.TryParse<Provider>(filter.Provider, out _))
        && (filter.From is null || filter.To is null || filter.From < filter.To)
        && (filter.FinishedFrom is null || filter.FinishedTo is null || filter.FinishedFrom < filter.FinishedTo);

    public static bool IsValidCategory(string? category) => category is null || FailureCategories.FilterValues.Contains(category);

    public static (DateTimeOffset At, long Id)? After(string? cursor) =>
        KeysetCursor.TryDecode(cursor, out var position) && long.TryParse(position.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (position.At, id)
            : null;

    /// <summary>Rows were read with one extra, which says whether another page follows.</summary>
    public static Page<T> Page<T>(IReadOnlyList<T> rows, int limit, Func<T, (DateTimeOffset At, long Id)> key)
    {
        var items = rows.Take(limit).ToList();
        var last = items.Count > 0 ? key(items[^1]) : default;
        return new Page<T>(items, rows.Count > limit ? KeysetCursor.Encode(last.At, last.Id.ToString(CultureInfo.InvariantCulture)) : null);
    }
}
