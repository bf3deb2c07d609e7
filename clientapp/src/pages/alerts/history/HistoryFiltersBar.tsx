import type { AlertChannel, AlertHistoryFilters, AlertRule } from '../../../api/schemas';
import { KIND_FILTER_LABELS, isoFromLocalInput, localInputValue } from '../model/history';
import { STATE_LABELS, STATE_ORDER } from '../model/states';

interface Props {
  filters: AlertHistoryFilters;
  /** Undefined while they load. */
  rules: AlertRule[] | undefined;
  channels: AlertChannel[] | undefined;
  onChange: (filters: AlertHistoryFilters) => void;
}

/** The option of a rule or channel the address names but the list does not hold (yet, or any more). */
function Missing({ list, id, what }: { list: { id: string }[] | undefined; id: string | undefined; what: string }) {
  if (!id || list?.some((item) => item.id === id)) return null;
  return <option value={id}>{list ? `A deleted ${what}` : '…'}</option>;
}

/** Every choice applies at once; the times once they are complete. */
export function HistoryFiltersBar({ filters, rules, channels, onChange }: Props) {
  const set = (name: keyof AlertHistoryFilters, value: string) => onChange({ ...filters, [name]: value });
  return (
    <form className="card filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <select aria-label="Rule" value={filters.ruleId ?? ''} onChange={(e) => set('ruleId', e.target.value)}>
        <option value="">Every rule</option>
        {rules?.map((rule) => <option key={rule.id} value={rule.id}>{rule.name}</option>)}
        <Missing list={rules} id={filters.ruleId} what="rule" />
      </select>
      <select aria-label="Channel" value={filters.channelId ?? ''} onChange={(e) => set('channelId', e.target.value)}>
        <option value="">Every channel</option>
        {channels?.map((channel) => <option key={channel.id} value={channel.id}>{channel.name}</option>)}
        <Missing list={channels} id={filters.channelId} what="channel" />
      </select>
      <select aria-label="Kind" value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value)}>
        <option value="">Any event</option>
        {Object.entries(KIND_FILTER_LABELS).map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
      </select>
      <select aria-label="State entered" value={filters.state ?? ''} onChange={(e) => set('state', e.target.value)}>
        <option value="">Any state</option>
        {STATE_ORDER.map((state) => <option key={state} value={state}>{STATE_LABELS[state]}</option>)}
      </select>
      <label className="time-input">
        <span>From</span>
        <input type="datetime-local" value={localInputValue(filters.from)} max={localInputValue(filters.to) || undefined}
          onChange={(e) => set('from', isoFromLocalInput(e.target.value))} />
      </label>
      <label className="time-input">
        <span>To</span>
        <input type="datetime-local" value={localInputValue(filters.to)} min={localInputValue(filters.from) || undefined}
          onChange={(e) => set('to', isoFromLocalInput(e.target.value))} />
      </label>
      {Object.values(filters).some(Boolean) && <button type="button" className="button secondary small" onClick={() => onChange({})}>Clear filters</button>}
    </form>
  );
}
