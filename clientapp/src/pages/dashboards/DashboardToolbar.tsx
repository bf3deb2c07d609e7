import { useState, type FormEvent } from 'react';
import type { DashboardFilters } from '../../api/schemas';
import { RangePicker } from './RangePicker';
import type { DashboardView } from './model/view';

const providers = ['', 'github', 'gitlab', 'jenkins', 'api'];
const textFilters = [
  { name: 'repository', label: 'Repository', placeholder: 'Repository' },
  { name: 'pipeline', label: 'Pipeline', placeholder: 'Pipeline' },
  { name: 'branch', label: 'Branch', placeholder: 'Branch' },
  { name: 'job', label: 'Job', placeholder: 'Job name' },
] as const;

interface Props {
  view: DashboardView;
  onChange: (view: DashboardView) => void;
  onRefresh: () => void;
  busy: boolean;
}

/** Range and filters of the whole dashboard. Like the runs explorer: text applies on submit, choices at once. */
export function DashboardToolbar({ view, onChange, onRefresh, busy }: Props) {
  const [draft, setDraft] = useState<DashboardFilters>(view.filters);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...view, filters: draft });
  };
  const pickProvider = (provider: string) => {
    const next = { ...draft, provider };
    setDraft(next);
    onChange({ ...view, filters: next });
  };

  return (
    <form className="card filters dashboard-toolbar" onSubmit={apply} aria-label="Dashboard filters">
      <RangePicker range={view.range} onChange={(range) => onChange({ ...view, range, filters: draft })} />
      {textFilters.map(({ name, label, placeholder }) => (
        <input key={name} aria-label={label} placeholder={placeholder} value={draft[name] ?? ''}
          onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
      ))}
      <select aria-label="Provider" value={draft.provider ?? ''} onChange={(e) => pickProvider(e.target.value)}>
        {providers.map((p) => <option key={p} value={p}>{p || 'Any provider'}</option>)}
      </select>
      <div className="toolbar-actions">
        <button type="submit" className="button small">Apply</button>
        <button type="button" className="button secondary small" onClick={onRefresh} disabled={busy}>{busy ? 'Loading…' : 'Refresh'}</button>
      </div>
    </form>
  );
}
