import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { JobSummary, RunFilters, RunSummary } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { CategoryBadge } from '../../components/classification/CategoryBadge';
import { formatPercent, isCategory } from '../../components/classification/categories';
import { formatAgo, formatCount, formatDuration } from '../../format';
import { RunFiltersBar } from './RunFiltersBar';
import { useListPages } from '../../api/useListPages';
import { usePageTitle } from '../../components/usePageTitle';

const FILTER_NAMES = ['repository', 'pipeline', 'branch', 'status', 'provider', 'job', 'category', 'from', 'to', 'finishedFrom', 'finishedTo'] as const;

/** Runs or jobs, newest first; every filter is in the address, so a chart can link straight here. */
export function RunsPage() {
  usePageTitle('Runs');
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'jobs' ? 'jobs' : 'runs';
  const filters = useMemo<RunFilters>(() => Object.fromEntries(FILTER_NAMES.map((n) => [n, params.get(n) ?? '']).filter(([, v]) => v)) as RunFilters, [params]);
  const key = params.toString();

  const setFilters = (next: RunFilters) => {
    const query = new URLSearchParams(Object.entries(next).filter(([, v]) => v));
    if (view === 'jobs') query.set('view', 'jobs');
    setParams(query);
  };

  return (
    <section className="page">
      <header className="page-header with-actions">
        <div>
          <h1>Runs explorer</h1>
          <p className="muted">Every pipeline run and job Faultline has received, newest first.</p>
        </div>
        <div className="segmented" role="tablist" aria-label="Show">
          {(['runs', 'jobs'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'active' : ''}
              onClick={() => { const next = new URLSearchParams(params); if (v === 'jobs') next.set('view', 'jobs'); else next.delete('view'); setParams(next); }}>
              {v === 'runs' ? 'Runs' : 'Jobs'}
            </button>
          ))}
        </div>
      </header>
      <RunFiltersBar key={key} filters={filters} onChange={setFilters} jobsView={view === 'jobs'} />
      {view === 'runs' ? <RunList filters={filters} /> : <JobList filters={filters} />}
    </section>
  );
}

function RunList({ filters }: { filters: RunFilters }) {
  const load = useCallback((cursor: string | null, signal?: AbortSignal) => api.runs(filters, cursor, signal), [filters]);
  const { items, state, error, more } = useListPages<RunSummary>(load);
  return (
    <ListFrame state={state} error={error} count={items.length} noun="run" more={more}>
      <table>
        <thead><tr><th>Status</th><th>Run</th><th>Branch</th><th>Started</th><th>Duration</th></tr></thead>
        <tbody>
          {items.map((run) => (
            <tr key={run.id}>
              <td data-label="Status"><StatusBadge status={run.status} /></td>
              <td data-label="Run">
                <Link to={`/runs/${run.id}`} className="strong-link">{run.repository} · {run.pipeline}</Link>
                <div className="muted small">#{run.externalId}{run.attempt > 1 ? ` (attempt ${run.attempt})` : ''} · {run.provider}{run.actor ? ` · ${run.actor}` : ''}</div>
              </td>
              <td data-label="Branch"><code>{run.branch}</code></td>
              <td data-label="Started">{formatAgo(run.startedAt ?? run.queuedAt)}</td>
              <td data-label="Duration">{formatDuration(run.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ListFrame>
  );
}

function JobList({ filters }: { filters: RunFilters }) {
  const load = useCallback((cursor: string | null, signal?: AbortSignal) => api.jobs(filters, cursor, signal), [filters]);
  const { items, state, error, more } = useListPages<JobSummary>(load);
  return (
    <ListFrame state={state} error={error} count={items.length} noun="job" more={more}>
      <table>
        <thead><tr><th>Status</th><th>Job</th><th>Category</th><th>Branch</th><th>Started</th><th>Duration</th></tr></thead>
        <tbody>
          {items.map((job) => (
            <tr key={job.id}>
              <td data-label="Status"><StatusBadge status={job.status} /></td>
              <td data-label="Job">
                <Link to={`/jobs/${job.id}`} className="strong-link">{job.name}</Link>
                <div className="muted small">{job.repository} · {job.pipeline}{job.hasLog ? ' · log' : ''}</div>
              </td>
              <td data-label="Category"><JobCategory job={job} /></td>
              <td data-label="Branch"><code>{job.branch}</code></td>
              <td data-label="Started">{formatAgo(job.startedAt ?? job.queuedAt)}</td>
              <td data-label="Duration">{formatDuration(job.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ListFrame>
  );
}

/** A failed job's category, with the model's confidence unless a person set it or it is uncertain; a dash for jobs that did not fail. */
function JobCategory({ job }: { job: Pick<JobSummary, 'category' | 'confidence'> }) {
  if (!job.category) return <span className="muted">—</span>;
  return (
    <span className="job-category">
      <CategoryBadge category={job.category} />
      {isCategory(job.category) && job.confidence !== null && job.confidence < 1 && <span className="muted small">{formatPercent(job.confidence)}</span>}
    </span>
  );
}

function ListFrame({ state, error, count, noun, more, children }: {
  state: string; error: unknown; count: number; noun: string; more: (() => Promise<void>) | null; children: React.ReactNode;
}) {
  const empty = count === 0;
  return (
    <>
      <ProblemAlert error={error} />
      {!empty && (
        <p className="muted small list-count" role="status">
          {formatCount(count)} {noun}{count === 1 ? '' : 's'}{more ? ' shown, newest first — more below' : ', newest first'}
        </p>
      )}
      <div className="card table-card">
        {empty && state === 'done' && <p className="muted">Nothing matches. Send events to <code>POST /api/v1/events</code> or connect a webhook.</p>}
        {!empty && children}
        {state === 'loading' && <p className="muted" role="status">Loading…</p>}
      </div>
      {more && <button type="button" className="button secondary" onClick={() => void more()}>Load more</button>}
    </>
  );
}
