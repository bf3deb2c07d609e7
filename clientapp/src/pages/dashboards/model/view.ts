import type { DashboardDataQuery, DashboardFilters } from '../../../api/schemas';

export const RANGE_PRESETS = [
  { key: '24h', label: 'Last 24 hours', hours: 24 },
  { key: '7d', label: 'Last 7 days', hours: 7 * 24 },
  { key: '30d', label: 'Last 30 days', hours: 30 * 24 },
  { key: '90d', label: 'Last 90 days', hours: 90 * 24 },
] as const;

export type RangeKey = (typeof RANGE_PRESETS)[number]['key'];

/** Presets stay relative ("last 7 days") in a shared link; custom ranges are whole local days, `to` included. */
export type RangeSelection = { kind: 'preset'; key: RangeKey } | { kind: 'custom'; from: string; to: string };

const FILTER_NAMES = ['repository', 'pipeline', 'branch', 'job', 'provider'] as const;

/** What the address says a dashboard shows, so a view can be shared. */
export interface DashboardView {
  range: RangeSelection;
  filters: DashboardFilters;
}

const DEFAULT_RANGE: RangeKey = '7d';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readView(params: URLSearchParams): DashboardView {
  const filters: DashboardFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DATE.test(from) && DATE.test(to)) return { range: { kind: 'custom', from, to }, filters };
  const preset = RANGE_PRESETS.find((p) => p.key === params.get('range'));
  return { range: { kind: 'preset', key: preset?.key ?? DEFAULT_RANGE }, filters };
}

export function writeView(view: DashboardView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.range.kind === 'custom') {
    params.set('from', view.range.from);
    params.set('to', view.range.to);
  } else if (view.range.key !== DEFAULT_RANGE) {
    params.set('range', view.range.key);
  }
  for (const name of FILTER_NAMES) {
    const value = view.filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

function localDate(value: string, addDays = 0): Date {
  const [year = 0, month = 1, day = 1] = value.split('-').map(Number);
  return new Date(year, month - 1, day + addDays);
}

/** "2026-11-15" for a Date, in local time (what `<input type="date">` holds). */
export function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function resolveRange(range: RangeSelection, now: Date): { from: string; to: string } {
  if (range.kind === 'custom') return { from: localDate(range.from).toISOString(), to: localDate(range.to, 1).toISOString() };
  const hours = RANGE_PRESETS.find((p) => p.key === range.key)?.hours ?? 7 * 24;
  return { from: new Date(now.getTime() - hours * 3_600_000).toISOString(), to: now.toISOString() };
}

export function dataQuery(view: DashboardView, now: Date): DashboardDataQuery {
  return { ...resolveRange(view.range, now), ...view.filters };
}
