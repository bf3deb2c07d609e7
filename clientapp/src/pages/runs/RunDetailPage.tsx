import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatDuration } from '../../format';
import { usePageTitle } from '../../components/usePageTitle';

export function RunDetailPage() {
  const { runId = '' } = useParams();
  const { resource } = useResource((signal) => api.run(runId, signal));
  const loaded = resource.data?.run;
  usePageTitle(loaded ? `Run #${loaded.externalId}` : 'Run', loaded?.repository);
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the run…</p>;
  if (!resource.data) return <ProblemAlert error={resource.error} />;
  const { run, jobs } = resource.data;

  return (
    <section className="page">
      <p className="breadcrumbs"><Link to="/runs">Runs</Link> / #{run.externalId}</p>
      <header className="page-header">
        <h1>{run.repository} · {run.pipeline} <StatusBadge status={run.status} /></h1>
        <p className="muted">
          <code>{run.branch}</code>{run.commitSha ? <> at <code>{run.commitSha.slice(0, 10)}</code></> : null}
          {run.trigger ? ` · ${run.trigger}` : ''}{run.actor ? ` by ${run.actor}` : ''} · {run.provider} · attempt {run.attempt}
        </p>
      </header>
      <dl className="facts card">
        <div><dt>Queued</dt><dd>{formatDateTime(run.queuedAt)}</dd></div>
        <div><dt>Started</dt><dd>{formatDateTime(run.startedAt)}</dd></div>
        <div><dt>Finished</dt><dd>{formatDateTime(run.finishedAt)}</dd></div>
        <div><dt>Duration</dt><dd>{formatDuration(run.durationMs)}</dd></div>
      </dl>
      <div className="card table-card">
        <h2>Jobs</h2>
        {jobs.length === 0 ? <p className="muted">No job of this run has arrived yet.</p> : (
          <table>
            <thead><tr><th>Status</th><th>Job</th><th>Runner</th><th>Duration</th><th>Log</th></tr></thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td data-label="Status"><StatusBadge status={job.status} /></td>
                  <td data-label="Job"><Link to={`/jobs/${job.id}`} className="strong-link">{job.name}</Link></td>
                  <td data-label="Runner">{job.runner ?? '—'}</td>
                  <td data-label="Duration">{formatDuration(job.durationMs)}</td>
                  <td data-label="Log">{job.hasLog ? <Link to={`/jobs/${job.id}`}>View log</Link> : <span className="muted">none</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
