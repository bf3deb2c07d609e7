import type { PipelineStatus } from '../api/schemas';

const labels: Record<PipelineStatus, string> = {
  success: 'Success', failure: 'Failed', cancelled: 'Cancelled', skipped: 'Skipped', timed_out: 'Timed out', running: 'Running',
};

export function StatusBadge({ status }: { status: PipelineStatus }) {
  return <span className={`status status-${status}`}>{labels[status] ?? status}</span>;
}
