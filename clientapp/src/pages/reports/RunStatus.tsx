import type { ReportRun, ReportRunStatus } from '../../api/schemas';

const LABELS: Record<ReportRunStatus, string> = { running: 'Running', sent: 'Sent', failed: 'Failed' };

/** A run's outcome as a badge, with its Slack message's when it has one. */
export function RunStatus({ run }: { run: ReportRun }) {
  return (
    <span className={`badge report-${run.status}`}>
      {LABELS[run.status] ?? run.status}
      {run.slackStatus && run.slackStatus !== 'sent' && ` · Slack ${run.slackStatus}`}
    </span>
  );
}
