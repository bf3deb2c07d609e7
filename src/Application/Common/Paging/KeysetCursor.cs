using System.Globalization;
using System.Text;

namespace Faultline.Application.Common.Paging;

/// <summary>
/// An opaque page cursor holding the (time, id) of the last row of the previous page, for keyset
/// paging: every page costs the same, however deep.
/// </summary>
public static class KeysetCursor
{
    public static string Encode(DateTimeOffset at, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position of a cursor over rows with uuid ids (audit log, dead letters); null when it is not one.</summary>
    public static (DateTimeOffset At, Guid Id)? GuidPosition(string? cursor) =>
        TryDecode(cursor, out var position) && Guid.TryParse(position.Id, out var id) ? (position.At, id) : null;

    public static bool TryDecode(string? cursor, out (DateTimeOffset At, string Id) position)
    {
        position = default;
        if (string.IsNullOrEmpty(cursor)) return false;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks || parts[1].Length == 0) return false;
            position = (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
