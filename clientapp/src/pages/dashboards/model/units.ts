import type { MetricUnit } from '../../../api/schemas';

/** `locale` is left to the browser; tests pin it. */
export interface FormatOptions {
  /** Shorter labels for axes: "1.2K", "$3K". */
  compact?: boolean;
  locale?: string;
}

/** A larger and a smaller unit, the smaller left out when zero: "4m 12s", "2h", "3d 4h". */
function twoUnits(large: number, largeUnit: string, small: number, smallUnit: string, pad: boolean): string {
  if (small === 0) return `${large}${largeUnit}`;
  return `${large}${largeUnit} ${pad ? String(small).padStart(2, '0') : small}${smallUnit}`;
}

/** "850ms", "4.2s", "4m 12s", "2h 05m", "3d 4h": durations as on-call people read them. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return twoUnits(minutes, 'm', seconds % 60, 's', true);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return twoUnits(hours, 'h', minutes % 60, 'm', true);
  return twoUnits(Math.floor(hours / 24), 'd', hours % 24, 'h', false);
}

export function formatValue(value: number | null | undefined, unit: MetricUnit, options: FormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const { compact = false, locale } = options;
  switch (unit) {
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: compact ? 0 : 1 }).format(value);
    case 'ms':
      return formatMs(value);
    case 'usd':
      return new Intl.NumberFormat(locale, {
        style: 'currency', currency: 'USD', ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
        ...(!compact && Math.abs(value) >= 1000 ? { maximumFractionDigits: 0 } : {}),
      }).format(value);
    case 'count':
      return new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }).format(value);
  }
}

const DURATION_STEPS = [1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map((s) => s * 1000);

/** An axis step for durations up to `max` ms, in whole human units (30s, 1h…) rather than powers of ten of ms; at most 6 steps. */
export function durationStep(max: number): number | undefined {
  if (max < 5000) return undefined;
  return DURATION_STEPS.find((step) => max / step <= 6) ?? Math.ceil(max / 6 / 86_400_000) * 86_400_000;
}

/** Counts and costs add up over buckets and groups; rates and durations do not. */
export const isAdditive = (unit: MetricUnit) => unit === 'count' || unit === 'usd';

/** One number for many: the total of additive units, else the mean of the known values. */
export function summarize(values: (number | null)[], unit: MetricUnit): number | null {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const total = known.reduce((sum, value) => sum + value, 0);
  return isAdditive(unit) ? total : total / known.length;
}

/** "failure_rate" → "Failure rate". */
export function humanize(code: string): string {
  // A field's unit suffix ("duration_ms") is shown by its values' format, not in its title.
  const words = code.replace(/_ms$/, '').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
