import type { PipelineStatus } from '../api/types';
import { formatStatus, statusHint } from '../format';

export function StatusBadge({ status }: { status: PipelineStatus }) {
  return <span className={`status status-${status}`} title={statusHint(status)}>{formatStatus(status)}</span>;
}
