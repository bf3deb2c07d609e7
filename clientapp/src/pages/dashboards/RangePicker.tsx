import { RANGE_PRESETS, dateInputValue, type RangeSelection } from './model/view';

interface Props {
  range: RangeSelection;
  onChange: (range: RangeSelection) => void;
}

/** A preset applies at once; "Custom" starts from the last 7 days as whole days, then each date applies as it is picked. */
export function RangePicker({ range, onChange }: Props) {
  const pick = (value: string) => {
    const preset = RANGE_PRESETS.find((p) => p.key === value);
    if (preset) return onChange({ kind: 'preset', key: preset.key });
    const today = new Date();
    const weekAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
    onChange({ kind: 'custom', from: dateInputValue(weekAgo), to: dateInputValue(today) });
  };
  const setDate = (name: 'from' | 'to', value: string) => {
    if (range.kind !== 'custom' || !value) return;
    const next = { ...range, [name]: value };
    if (next.from <= next.to) onChange(next);
  };

  return (
    <div className="range-picker">
      <select aria-label="Time range" value={range.kind === 'custom' ? 'custom' : range.key} onChange={(e) => pick(e.target.value)}>
        {RANGE_PRESETS.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
        <option value="custom">Custom range…</option>
      </select>
      {range.kind === 'custom' && (
        <>
          <input type="date" aria-label="From" value={range.from} max={range.to} onChange={(e) => setDate('from', e.target.value)} />
          <input type="date" aria-label="To" value={range.to} min={range.from} onChange={(e) => setDate('to', e.target.value)} />
        </>
      )}
    </div>
  );
}
