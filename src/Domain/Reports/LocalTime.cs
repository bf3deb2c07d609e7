namespace Faultline.Domain.Reports;

/// <summary>Local wall-clock times of a time zone as instants, across daylight-saving changes.</summary>
public static class LocalTime
{
    /// <summary>
    /// The instant a zone's clock shows <paramref name="local"/>: a time a change skips becomes the first valid minute
    /// after the gap (gaps are whole minutes in every zone in use), a time a change repeats its first occurrence.
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        // Of a repeated time's two offsets the larger is the earlier instant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
