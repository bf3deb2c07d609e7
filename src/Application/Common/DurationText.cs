using System.Globalization;

namespace Faultline.Application.Common;

/// <summary>
/// Durations as the SPA writes them ("850ms", "4.2s", "4m 12s", "2h 05m", "3d 9h"; formatMs in the SPA's units.ts), so an
/// e-mail and the screen it links to say the same; both are tested against the SPA's durationExamples.json.
/// </summary>
public static class DurationText
{
    public static string Of(double ms)
    {
        if (ms < 1000) return string.Create(CultureInfo.InvariantCulture, $"{RoundHalfUp(ms)}ms");
        if (ms < 10_000) return string.Create(CultureInfo.InvariantCulture, $"{RoundHalfUp(ms / 100) / 10:0.0}s");
        var seconds = (long)RoundHalfUp(ms / 1000);
        if (seconds < 60) return $"{seconds}s";
        var minutes = seconds / 60;
        if (minutes < 60) return TwoUnits(minutes, "m", seconds % 60, "s", pad: true);
        var hours = minutes / 60;
        if (hours < 24) return TwoUnits(hours, "h", minutes % 60, "m", pad: true);
        return TwoUnits(hours / 24, "d", hours % 24, "h", pad: false);
    }

    // JavaScript's Math.round: halves go up, where .NET's default goes to even.
    private static double RoundHalfUp(double value) => Math.Floor(value + 0.5);

    // The smaller unit left out when zero: "2h", "3d 4h".
    private static string TwoUnits(long large, string largeUnit, long small, string smallUnit, bool pad) =>
        small == 0 ? $"{large}{largeUnit}" : $"{large}{largeUnit} {(pad ? small.ToString("00", CultureInfo.InvariantCulture) : small)}{smallUnit}";
}
