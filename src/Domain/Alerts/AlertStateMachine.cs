namespace Faultline.Domain.Alerts;

/// <summary>
/// OK → PENDING → FIRING → RESOLVED per group, plus NO DATA and ERROR as the rule says. Pure: the
/// same states, readings and time give the same result, so evaluating twice changes nothing twice.
/// </summary>
public static class AlertStateMachine
{
    private enum Signal
    {
        Breach,
        Clear,
        NoData,
        Error,
        Unchanged,
    }

    /// <summary>Applies a successful evaluation: a value (or none) per group.</summary>
    public static AlertEvaluation Apply(AlertRule rule, IReadOnlyList<AlertGroupState> current, IReadOnlyList<GroupReading> readings, DateTimeOffset at)
    {
        var builder = new Builder(rule, at);
        var byGroup = current.ToDictionary(s => s.Group ?? "");
        if (readings.All(r => r.Value is null))
        {
            // Nothing anywhere: the rule as a whole has no data.
            foreach (var state in current.Count > 0 ? current : [AlertGroupState.New(null, at)])
                builder.Step(state, null, NoDataSignal(rule.NoData), null);
            return builder.Build();
        }

        foreach (var reading in readings)
        {
            var state = byGroup.Remove(reading.Group ?? "", out var known) ? known : AlertGroupState.New(reading.Group, at);
            if (reading.Value is not { } value)
            {
                builder.Step(state, null, NoDataSignal(rule.NoData), null);
                continue;
            }

            var breached = rule.Condition.Breached(value, state.State == AlertState.Firing);
            builder.Step(state, value, breached ? Signal.Breach : Signal.Clear, null);
        }

        // Groups that left the result (a job that stopped running): resolve what people were told of, forget the rest.
        foreach (var missing in byGroup.Values) builder.Leave(missing);
        return builder.Build();
    }

    /// <summary>Applies a failed evaluation to every group the rule has.</summary>
    public static AlertEvaluation ApplyError(AlertRule rule, IReadOnlyList<AlertGroupState> current, string message, DateTimeOffset at)
    {
        var builder = new Builder(rule, at);
        var signal = rule.OnError switch
        {
            ErrorHandling.Error => Signal.Error,
            ErrorHandling.Alerting => Signal.Breach,
            _ => Signal.Unchanged,
        };
        foreach (var state in current.Count > 0 ? current : [AlertGroupState.New(null, at)]) builder.Step(state, null, signal, message);
        return builder.Build();
    }

    private static Signal NoDataSignal(NoDataHandling handling) => handling switch
    {
        NoDataHandling.NoData => Signal.NoData,
        NoDataHandling.Ok => Signal.Clear,
        NoDataHandling.Alerting => Signal.Breach,
        _ => Signal.Unchanged,
    };

    private sealed class Builder(AlertRule rule, DateTimeOffset at)
    {
        private readonly List<AlertGroupState> _states = [];
        private readonly List<string?> _forgotten = [];
        private readonly List<AlertTransition> _transitions = [];
        private readonly List<AlertNotice> _notices = [];
        private readonly bool _muted = rule.IsMuted(at);

        public void Step(AlertGroupState state, double? value, Signal signal, string? detail)
        {
            var trend = value is { } v ? [.. state.RecentValues.TakeLast(AlertGroupState.TrendLength - 1), v] : state.RecentValues;
            var next = signal switch
            {
                Signal.Breach => state.State switch
                {
                    AlertState.Firing => AlertState.Firing,
                    AlertState.Pending when at - state.Since >= TimeSpan.FromMinutes(rule.ForMinutes) => AlertState.Firing,
                    AlertState.Pending => AlertState.Pending,
                    _ => rule.ForMinutes == 0 ? AlertState.Firing : AlertState.Pending,
                },
                Signal.Clear => state.State switch
                {
                    AlertState.Pending => AlertState.Ok,
                    var s when s.Notified() => AlertState.Resolved,
                    var s => s,
                },
                Signal.NoData => AlertState.NoData,
                Signal.Error => AlertState.Error,
                _ => state.State,
            };
            Record(state with { Value = value ?? state.Value, RecentValues = trend }, next, value, detail);
        }

        /// <summary>A group absent from this evaluation.</summary>
        public void Leave(AlertGroupState state)
        {
            if (state.State.Notified()) Record(state, AlertState.Resolved, null, "No longer in the result.");
            else _forgotten.Add(state.Group);
        }

        private void Record(AlertGroupState state, AlertState next, double? value, string? detail)
        {
            var changed = next != state.State;
            var updated = changed
                ? state with { State = next, Since = at, AcknowledgedAt = null, AcknowledgedBy = null }
                : state;

            // Entering a state people hear about, recovering from one, or firing on past the re-notify interval.
            var announce = changed && (next.Notified() || next == AlertState.Resolved);
            var repeat = !changed && next == AlertState.Firing && state.AcknowledgedAt is null && RenotifyDue(state);
            if ((announce || repeat) && !_muted)
            {
                _notices.Add(new AlertNotice(state.Group, next, state.State, repeat, value ?? state.Value, updated.RecentValues));
                updated = updated with { LastNotifiedAt = at };
            }

            if (changed)
                _transitions.Add(new AlertTransition(state.Group, state.State, next, value, announce && _muted ? Join(detail, "Muted: nobody was told.") : detail));
            _states.Add(updated);
        }

        private static string Join(string? first, string second) => first is null ? second : $"{first} {second}";

        // Also due for a firing nobody was told of (it began while the rule was muted, and the mute has ended).
        private bool RenotifyDue(AlertGroupState state) =>
            state.LastNotifiedAt is not { } last || last < state.Since
            || (rule.RenotifyMinutes is { } minutes && at - last >= TimeSpan.FromMinutes(minutes));

        public AlertEvaluation Build() => new(_states, _forgotten, _transitions, _notices);
    }
}
