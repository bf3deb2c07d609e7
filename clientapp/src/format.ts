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

// Every time on screen is shown in the organisation's zone (its days are cut there too), set once the session is known;
// until then, and for tests, the browser's own.
let organisationZone: string | undefined;

export function setDisplayTimeZone(zone: string | undefined): void {
  organisationZone = zone;
}

/** The zone times are shown in, e.g. "Europe/Berlin". */
export function displayTimeZone(): string {
  return organisationZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

type Instant = string | number | Date;

/** One instant in the organisation's zone (unless the options name another), with the given fields; every date and time on screen goes through here. */
export function formatInstant(at: Instant, options: Intl.DateTimeFormatOptions, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: displayTimeZone(), ...options }).format(new Date(at));
}

/** "7 Dec 2026, 16:30" in the reader's locale. */
export function formatDateTime(at: Instant | null, locale?: string): string {
  return at === null ? '—' : formatInstant(at, { dateStyle: 'medium', timeStyle: 'short' }, locale);
}

/** "7 Dec 2026". */
export function formatDate(at: Instant | null, locale?: string): string {
  return at === null ? '—' : formatInstant(at, { dateStyle: 'medium' }, locale);
}

/** "16:30:04". */
export function formatTime(at: Instant, locale?: string): string {
  return formatInstant(at, { timeStyle: 'medium' }, locale);
}

/** "2026-12-07T16:30": an instant on the organisation's wall clock, as a datetime-local input holds it. */
export function toZonedInput(at: Instant): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: displayTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant (ISO) that a datetime-local value names on the organisation's wall clock. */
export function fromZonedInput(value: string): string {
  const wall = Date.parse(`${value}:00Z`);
  let guess = wall;
  // The zone's offset at the guess moves it onto the wall time; a second pass settles it near a daylight-saving change.
  for (let pass = 0; pass < 2; pass++) guess += wall - Date.parse(`${toZonedInput(guess)}:00Z`);
  return new Date(guess).toISOString();
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
  return formatDate(iso);
}

/** "Mon 7 Dec 2026, 08:00" on a schedule's own clock: its IANA zone, which may differ from the organisation's. */
export function formatScheduleTime(at: Instant | null, timeZone: string): string {
  return at === null ? '—' : formatInstant(at, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone,
  });
}

/** A metric group as people read it: a group over several dimensions comes as its values joined by U+001F ("acme/api · CI"). */
export function formatGroup(group: string): string {
  return group.split('\u001f').join(' · ');
}

/** "12,480" in the reader's locale. */
export function formatCount(count: number): string {
  return count.toLocaleString();
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
