import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { LogViewer } from '../../components/log/LogViewer';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, formatDuration } from '../../format';

export function JobDetailPage() {
  const { jobId = '' } = useParams();
  const { resource } = useResource((signal) => api.job(jobId, signal));
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the job…</p>;
  if (!resource.data) return <ProblemAlert error={resource.error} />;
  const { job, log } = resource.data;

  return (
    <section className="page">
      <p className="breadcrumbs">
        <Link to="/runs">Runs</Link> / {job.runId ? <Link to={`/runs/${job.runId}`}>{job.repository} · {job.pipeline}</Link> : job.repository} / {job.name}
      </p>
      <header className="page-header">
        <h1>{job.name} <StatusBadge status={job.status} /></h1>
        <p className="muted"><code>{job.branch}</code> · {job.runner ?? 'unknown runner'} · {formatDuration(job.durationMs)} · attempt {job.attempt}</p>
      </header>
      {log ? (
        <>
          {log.truncated && (
            <p className="banner warn">This log was {formatBytes(log.originalBytes)}: its first and last 10 MB are kept.</p>
          )}
          <JobLog jobId={jobId} />
        </>
      ) : (
        <p className="card muted">No log yet. Upload one with <code>PUT /api/v1/jobs/{job.id}/log</code>.</p>
      )}
    </section>
  );
}

function JobLog({ jobId }: { jobId: string }) {
  const { resource } = useResource((signal) => api.jobLog(jobId, signal));
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the log…</p>;
  if (resource.data === undefined) return <ProblemAlert error={resource.error} />;
  return <LogViewer text={resource.data} />;
}
