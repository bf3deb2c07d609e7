namespace Faultline.Application.Common;

/// <summary>
/// IANA time zone names ("Europe/Berlin"), the only ones PostgreSQL and every screen agree on: a tenant's days and
/// a report's times are in one. Windows names ("Pacific Standard Time") are refused.
/// </summary>
public static class IanaTimeZone
{
    public const int MaxIdLength = 64;

    /// <summary>The zone of an IANA id, or null for anything else (the id names a file under the zone database: only plain names pass).</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || id.Contains("..", StringComparison.Ordinal) || id[0] == '/') return null;
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
    }
}
