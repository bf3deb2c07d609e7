namespace Faultline.Application.Reports;

/// <summary>The IANA time zones a report can print its times in ("Europe/Berlin"); UTC when none is given.</summary>
public static class ReportTimeZone
{
    public const string Default = "UTC";
    public const int MaxIdLength = 64;

    /// <summary>The zone of an IANA id, or null for anything else (the id names a file under the zone database: only plain names pass).</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id.Contains("..", StringComparison.Ordinal) || id[0] == '/') return null;
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
