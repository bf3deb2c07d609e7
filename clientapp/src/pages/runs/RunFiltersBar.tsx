import { useState, type FormEvent } from 'react';
import type { RunFilters } from '../../api/types';

const statuses = ['', 'failure', 'success', 'running', 'cancelled', 'timed_out', 'skipped'];
const providers = ['', 'github', 'gitlab', 'jenkins', 'api'];

// A time span comes from a dashboard drill-down: shown, and cleared at once, but not typed here.
function describeSpan(from: string | undefined, to: string | undefined): string {
  const at = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  if (from && to) return `Between ${at(from)} and ${at(to)}`;
  return from ? `Since ${at(from)}` : `Before ${at(to!)}`;
}

/** Text filters apply on submit; the choices at once. */
export function RunFiltersBar({ filters, onChange, showJob }: { filters: RunFilters; onChange: (f: RunFilters) => void; showJob: boolean }) {
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const pick = (name: keyof RunFilters, value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    onChange(next);
  };

  return (
    <form className="card filters" onSubmit={submit} aria-label="Filters">
      <input aria-label="Repository" placeholder="Repository (acme/api)" value={draft.repository ?? ''} onChange={(e) => setDraft({ ...draft, repository: e.target.value })} />
      <input aria-label="Pipeline" placeholder="Pipeline" value={draft.pipeline ?? ''} onChange={(e) => setDraft({ ...draft, pipeline: e.target.value })} />
      <input aria-label="Branch" placeholder="Branch" value={draft.branch ?? ''} onChange={(e) => setDraft({ ...draft, branch: e.target.value })} />
      {showJob && <input aria-label="Job" placeholder="Job name" value={draft.job ?? ''} onChange={(e) => setDraft({ ...draft, job: e.target.value })} />}
      <select aria-label="Status" value={draft.status ?? ''} onChange={(e) => pick('status', e.target.value)}>
        {statuses.map((s) => <option key={s} value={s}>{s ? s.replace('_', ' ') : 'Any status'}</option>)}
      </select>
      <select aria-label="Provider" value={draft.provider ?? ''} onChange={(e) => pick('provider', e.target.value)}>
        {providers.map((p) => <option key={p} value={p}>{p || 'Any provider'}</option>)}
      </select>
      <button type="submit" className="button small">Apply</button>
      {(draft.from || draft.to) && (
        <p className="time-filter small">
          <span>{describeSpan(draft.from, draft.to)}</span>
          <button type="button" className="button secondary small" onClick={() => onChange({ ...draft, from: '', to: '' })}>Any time</button>
        </p>
      )}
    </form>
  );
}
