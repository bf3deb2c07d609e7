namespace Faultline.Domain.Alerts;

/// <summary>Where one group of a rule stands. The order is severity for "the rule's state": the most severe group wins.</summary>
public enum AlertState
{
    Ok,
    Resolved,
    Pending,
    NoData,
    Firing,
    Error,
}

public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}

/// <summary>What an evaluation without a value means for the rule.</summary>
public enum NoDataHandling
{
    NoData,
    Ok,
    Alerting,
    KeepLast,
}

/// <summary>What a failed evaluation means for the rule.</summary>
public enum ErrorHandling
{
    Error,
    Alerting,
    KeepLast,
}

public static class AlertStates
{
    /// <summary>States a person was told about: leaving one for "clear" is a resolution worth telling too.</summary>
    public static bool Notified(this AlertState state) => state is AlertState.Firing or AlertState.NoData or AlertState.Error;
}
