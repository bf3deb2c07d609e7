import { useState, type FormEvent } from 'react';
import type { RunFilters } from '../../api/schemas';
import { COLOURED_CATEGORIES, categoryLabel } from '../../components/classification/categories';
import { formatDateTime, formatStatus, PIPELINE_STATUSES } from '../../format';

const providers = ['', 'github', 'gitlab', 'jenkins', 'api'];
// The taxonomy, then failed jobs not (yet) classified.
const categories = ['', ...COLOURED_CATEGORIES];

// A time span comes from a dashboard drill-down: shown, and cleared at once, but not typed here.
// Dashboards count by finish time; the API's from/to bound the start time.
function describeSpan({ from, to, finishedFrom, finishedTo }: RunFilters): string {
  const span = (start: string | undefined, end: string | undefined) =>
    start && end ? `between ${formatDateTime(start)} and ${formatDateTime(end)}` : start ? `since ${formatDateTime(start)}` : `before ${formatDateTime(end!)}`;
  const parts = [
    ...(from || to ? [`Started ${span(from, to)}`] : []),
    ...(finishedFrom || finishedTo ? [`Finished ${span(finishedFrom, finishedTo)}`] : []),
  ];
  return parts.join('; ');
}

/** Text filters apply on submit; the choices at once. Job and category filter jobs, so only the jobs view shows them. */
export function RunFiltersBar({ filters, onChange, jobsView }: { filters: RunFilters; onChange: (f: RunFilters) => void; jobsView: boolean }) {
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
    <form className="card filters run-filters" onSubmit={submit} aria-label="Filters">
      <input aria-label="Repository" placeholder="Repository (acme/api)" value={draft.repository ?? ''} onChange={(e) => setDraft({ ...draft, repository: e.target.value })} />
      <input aria-label="Pipeline" placeholder="Pipeline" value={draft.pipeline ?? ''} onChange={(e) => setDraft({ ...draft, pipeline: e.target.value })} />
      <input aria-label="Branch" placeholder="Branch" value={draft.branch ?? ''} onChange={(e) => setDraft({ ...draft, branch: e.target.value })} />
      {jobsView && <input aria-label="Job" placeholder="Job name" value={draft.job ?? ''} onChange={(e) => setDraft({ ...draft, job: e.target.value })} />}
      <select aria-label="Status" value={draft.status ?? ''} onChange={(e) => pick('status', e.target.value)}>
        <option value="">Any status</option>
        {PIPELINE_STATUSES.map((s) => <option key={s} value={s}>{formatStatus(s)}</option>)}
      </select>
      <select aria-label="Provider" value={draft.provider ?? ''} onChange={(e) => pick('provider', e.target.value)}>
        {providers.map((p) => <option key={p} value={p}>{p || 'Any provider'}</option>)}
      </select>
      {jobsView && (
        <select aria-label="Category" value={draft.category ?? ''} onChange={(e) => pick('category', e.target.value)}>
          {categories.map((c) => <option key={c} value={c}>{c ? categoryLabel(c) : 'Any category'}</option>)}
        </select>
      )}
      <button type="submit" className="button small">Apply</button>
      {(draft.from || draft.to || draft.finishedFrom || draft.finishedTo) && (
        <p className="time-filter small">
          <span>{describeSpan(draft)}</span>
          <button type="button" className="button secondary small"
            onClick={() => onChange({ ...draft, from: '', to: '', finishedFrom: '', finishedTo: '' })}>Any time</button>
        </p>
      )}
    </form>
  );
}
