import { api } from '../../api/client';
import type { ReportRun } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatBytes, formatDuration, formatScheduleTime } from '../../format';
import { RunStatus } from './RunStatus';

/** A report's latest runs, newest first, with the files still kept. */
export function ReportRuns({ reportId, timeZone }: { reportId: string; timeZone: string }) {
  const runs = useResource((signal) => api.reportRuns(reportId, signal));
  if (runs.resource.state === 'loading') return <p className="muted" role="status">Loading the history…</p>;
  if (runs.resource.state === 'error') return <ProblemAlert error={runs.resource.error} />;
  if (runs.resource.data.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <table aria-label="Report history">
      <thead><tr><th>Started</th><th>Trigger</th><th>Status</th><th>Duration</th><th>Size</th><th>Files</th></tr></thead>
      <tbody>
        {runs.resource.data.map((run: ReportRun) => (
          <tr key={run.id}>
            <td data-label="Started">{formatScheduleTime(run.startedAt, timeZone)}</td>
            <td data-label="Trigger">{run.trigger === 'manual' ? 'Sent by hand' : 'Scheduled'}</td>
            <td data-label="Status">
              <RunStatus run={run} />
              {run.errors.length > 0 && <ul className="small plain-list">{run.errors.map((e) => <li key={e}>{e}</li>)}</ul>}
            </td>
            <td data-label="Duration">{formatDuration(run.durationMs)}</td>
            <td data-label="Size">{run.sizeBytes ? formatBytes(run.sizeBytes) : '—'}</td>
            <td data-label="Files">
              <div className="button-group">
                {run.hasPdf && <a className="button secondary small" href={api.reportFileUrl(run.id, 'pdf')}>PDF</a>}
                {run.hasCsv && <a className="button secondary small" href={api.reportFileUrl(run.id, 'csv')}>CSV</a>}
                {!run.hasPdf && !run.hasCsv && <span className="muted">—</span>}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
