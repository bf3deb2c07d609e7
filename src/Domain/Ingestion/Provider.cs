namespace Faultline.Domain.Ingestion;

/// <summary>Where a run comes from; "api" is anything sent through the public events API.</summary>
public enum Provider
{
    Github,
    Gitlab,
    Jenkins,
    Api,
}
