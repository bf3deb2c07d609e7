namespace Faultline.Application.Classification.Features;

/// <summary>
/// Characters of log text the featurizer has scanned on this thread (read into lines, matched
/// against signals), so tests bound its work by counting instead of timing.
/// </summary>
internal static class ScanCounter
{
    [ThreadStatic]
    private static long _characters;

    public static long Characters => _characters;

    public static void Add(int characters) => _characters += characters;
}
