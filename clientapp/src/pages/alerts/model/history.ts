import type { AlertHistoryFilters, AlertHistoryKind } from '../../../api/schemas';

const FILTER_NAMES = ['ruleId', 'channelId', 'kind', 'state', 'from', 'to'] as const;

/** The history's filters from the address, so a rule's page can link to its history. */
export function readHistoryFilters(params: URLSearchParams): AlertHistoryFilters {
  const filters: AlertHistoryFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The set filters only, in a stable order. */
export function writeHistoryFilters(filters: AlertHistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** An ISO time as `<input type="datetime-local">` holds it, in local time: "2026-11-22T10:30". */
export function localInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The local time of a datetime-local input as ISO 8601, or '' when it is empty or incomplete. */
export function isoFromLocalInput(value: string): string {
  const date = LOCAL_TIME.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}

/** What each kind of entry is called in a row. */
export const KIND_LABELS: Record<AlertHistoryKind, string> = {
  state: 'State change', delivery: 'Notification', mute: 'Mute', acknowledge: 'Acknowledged', test: 'Test',
};

/** …and in the filter. */
export const KIND_FILTER_LABELS: Record<AlertHistoryKind, string> = {
  state: 'State changes', delivery: 'Notifications', mute: 'Mutes', acknowledge: 'Acknowledgements', test: 'Tests',
};
