import { useMemo, useRef, type Ref } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { JobDetail, PipelineStatus } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { bestFirst, keyLineBlock } from '../../components/classification/keyLines';
import { LogViewer, type LogViewerHandle } from '../../components/log/LogViewer';
import type { LogMark } from '../../components/log/logLines';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusBadge } from '../../components/StatusBadge';
import { formatBytes, formatDuration, formatRunner } from '../../format';
import { FailurePanel } from './failure/FailurePanel';
import { useJobClassification } from './failure/useJobClassification';
import { usePageTitle } from '../../components/usePageTitle';

/** The statuses the classifier looks at. */
const FAILED: readonly PipelineStatus[] = ['failure', 'timed_out'];

export function JobDetailPage() {
  const { jobId = '' } = useParams();
  const { resource } = useResource((signal) => api.job(jobId, signal));
  const loaded = resource.data?.job;
  usePageTitle(loaded ? `Job ${loaded.name}` : 'Job', loaded?.repository);
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the job…</p>;
  if (!resource.data) return <ProblemAlert error={resource.error} />;
  // A fresh screen per job: another job's classification must never show while this one's loads.
  return <JobScreen key={jobId} jobId={jobId} detail={resource.data} />;
}

function JobScreen({ jobId, detail }: { jobId: string; detail: JobDetail }) {
  const { job, log } = detail;
  const failed = FAILED.includes(job.status);
  const { state, reload } = useJobClassification(jobId, { enabled: failed, poll: log !== null });
  const viewer = useRef<LogViewerHandle>(null);
  const keyLines = state.status === 'ready' ? state.classification.keyLines : undefined;
  // The best line's block first: the viewer marks it more strongly.
  const marks = useMemo(() => keyLines && bestFirst(keyLines).map((line): LogMark => ({ line: line.lineNumber, ...keyLineBlock(line) })), [keyLines]);

  return (
    <section className="page">
      <p className="breadcrumbs">
        <Link to="/runs">Runs</Link> / {job.runId ? <Link to={`/runs/${job.runId}`}>{job.repository} · {job.pipeline}</Link> : job.repository} / {job.name}
      </p>
      <header className="page-header">
        <h1>{job.name} <StatusBadge status={job.status} /></h1>
        <p className="muted">
          <code>{job.branch}</code> · {formatRunner(job.runner, job.status)} · {formatDuration(job.durationMs)} · attempt {job.attempt}
        </p>
      </header>
      {failed && (
        <FailurePanel state={state} jobId={job.id} hasLog={log !== null} onReload={reload}
          onJump={(line) => viewer.current?.jumpTo(line.lineNumber, keyLineBlock(line).start)} />
      )}
      {log ? (
        <>
          {log.truncated && (
            <p className="banner warn">This log was {formatBytes(log.originalBytes)}: its first and last 10 MB are kept.</p>
          )}
          <JobLog jobId={jobId} marks={marks} viewer={viewer} />
        </>
      ) : (
        <p className="card muted">No log yet. Upload one with <code>PUT /api/v1/jobs/{job.id}/log</code>.</p>
      )}
    </section>
  );
}

function JobLog({ jobId, marks, viewer }: { jobId: string; marks: LogMark[] | undefined; viewer: Ref<LogViewerHandle> }) {
  const { resource } = useResource((signal) => api.jobLog(jobId, signal));
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the log…</p>;
  if (resource.data === undefined) return <ProblemAlert error={resource.error} />;
  return <LogViewer text={resource.data} marks={marks} ref={viewer} />;
}
