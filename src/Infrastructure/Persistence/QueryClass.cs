namespace Faultline.Infrastructure.Persistence;

/// <summary>What a tenant connection is for: each class has its own statement timeout (<see cref="StatementTimeouts"/>).</summary>
public enum QueryClass
{
    /// <summary>Reads and writes behind screens and the API: lists, details, settings, dashboards and alert rules.</summary>
    Interactive,

    /// <summary>Metric queries: one per query or dashboard widget, over up to a year of data.</summary>
    Analytics,

    /// <summary>Storing ingested events, webhooks and logs.</summary>
    Ingest,

    /// <summary>Classifying failed jobs and serving predictions.</summary>
    Classification,

    /// <summary>Scheduled work: alert evaluation and delivery.</summary>
    Background,
}
