namespace Faultline.Application.Reports;

public enum WidgetOutcomeStatus
{
    Ok,
    Empty,
    Failed,
}

/// <summary>How one widget came out in a report; <paramref name="Reason"/> says why it is empty or failed (null when Ok).</summary>
public sealed record WidgetOutcome(string Title, WidgetOutcomeStatus Status, string? Reason);

/// <summary>A rendered report: the file, its pages (0 for a CSV zip) and every widget's outcome, in dashboard order.</summary>
public sealed record RenderedReport(byte[] Content, string ContentType, string FileName, int Pages, IReadOnlyList<WidgetOutcome> Widgets);
