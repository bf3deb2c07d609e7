import type { PipelineStatus } from './api/schemas';

/** "1 h 02 min", "3 min 12 s", "850 ms": durations as people read them. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function formatAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 7 * 86_400) {
    const days = Math.floor(seconds / 86_400);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return new Date(iso).toLocaleDateString();
}

/** "Mon 7 Dec 2026, 08:00" in the given IANA time zone (the browser's without one). */
export function formatDateTime(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A metric group as people read it: a group over several dimensions comes as its values joined by U+001F ("acme/api · CI"). */
export function formatGroup(group: string): string {
  return group.split('\u001f').join(' · ');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** JSON indented for reading; text that is not JSON, as it is. */
export function formatJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Every status of a run or job, as a run goes through them: unfinished ones first, then how it ended. */
export const PIPELINE_STATUSES: readonly PipelineStatus[] = [
  'queued', 'waiting', 'manual', 'running', 'success', 'failure', 'timed_out', 'cancelled', 'skipped',
];

const STATUS_LABELS: Record<PipelineStatus, string> = {
  queued: 'Queued', waiting: 'Waiting', manual: 'Manual', running: 'Running',
  success: 'Success', failure: 'Failed', timed_out: 'Timed out', cancelled: 'Cancelled', skipped: 'Skipped',
};

/** What each unfinished status waits for, as providers mean it. */
const STATUS_HINTS: Partial<Record<PipelineStatus, string>> = {
  queued: 'Waiting for a runner', waiting: 'Waiting for an approval, a timer or another service', manual: 'Waiting for someone to start it',
};

/** "Timed out"; a status this version does not know yet is shown as sent. */
export function formatStatus(status: PipelineStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export function statusHint(status: PipelineStatus): string | undefined {
  return STATUS_HINTS[status];
}

/** Queued, waiting and manual jobs have no runner yet; a started one may not have told which. */
export function formatRunner(runner: string | null, status: PipelineStatus): string {
  if (runner) return runner;
  return status === 'queued' || status === 'waiting' || status === 'manual' ? 'no runner yet' : 'unknown runner';
}
