import { useState, type FormEvent } from 'react';
import type { RunFilters } from '../../api/schemas';
import { COLOURED_CATEGORIES, categoryLabel } from '../../components/classification/categories';
import { displayTimeZone, formatDateTime, formatStatus, fromZonedInput, PIPELINE_STATUSES, toZonedInput } from '../../format';

const providers = ['', 'github', 'gitlab', 'jenkins', 'api'];
// The taxonomy, then failed jobs not (yet) classified.
const categories = ['', ...COLOURED_CATEGORIES];

// The span in words (a drill-down's finish-time span has no inputs of its own), cleared at once with "Any time".
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

/** Text filters and times apply on submit; the choices at once. Job and category filter jobs, so only the jobs view shows them. */
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
  const text = (name: 'repository' | 'pipeline' | 'branch' | 'job', label: string, example: string) => (
    <label className="filter-field">
      <span>{label}</span>
      <input value={draft[name] ?? ''} placeholder={example} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </label>
  );
  const time = (name: 'from' | 'to', label: string) => (
    <label className="filter-field">
      <span>{label}</span>
      <input type="datetime-local" value={draft[name] ? toZonedInput(draft[name]) : ''}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value ? fromZonedInput(e.target.value) : '' })} />
    </label>
  );

  return (
    <form className="card filters run-filters" onSubmit={submit} aria-label="Filters">
      {text('repository', 'Repository', 'acme/api')}
      {text('pipeline', 'Pipeline', 'CI')}
      {text('branch', 'Branch', 'main')}
      {jobsView && text('job', 'Job', 'unit-tests')}
      <label className="filter-field">
        <span>Status</span>
        <select value={draft.status ?? ''} onChange={(e) => pick('status', e.target.value)}>
          <option value="">Any status</option>
          {PIPELINE_STATUSES.map((s) => <option key={s} value={s}>{formatStatus(s)}</option>)}
        </select>
      </label>
      <label className="filter-field">
        <span>Provider</span>
        <select value={draft.provider ?? ''} onChange={(e) => pick('provider', e.target.value)}>
          {providers.map((p) => <option key={p} value={p}>{p || 'Any provider'}</option>)}
        </select>
      </label>
      {jobsView && (
        <label className="filter-field">
          <span>Category</span>
          <select value={draft.category ?? ''} onChange={(e) => pick('category', e.target.value)}>
            {categories.map((c) => <option key={c} value={c}>{c ? categoryLabel(c) : 'Any category'}</option>)}
          </select>
        </label>
      )}
      {time('from', `Started after (${displayTimeZone()})`)}
      {time('to', 'Started before')}
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
