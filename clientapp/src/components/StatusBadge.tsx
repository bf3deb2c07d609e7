import type { PipelineStatus } from '../api/schemas';
import { formatStatus, statusHint } from '../format';

export function StatusBadge({ status }: { status: PipelineStatus }) {
  return <span className={`status status-${status}`} title={statusHint(status)}>{formatStatus(status)}</span>;
}
