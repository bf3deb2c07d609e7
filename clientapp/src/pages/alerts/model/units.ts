import type { ConditionKind, MetricUnit } from '../../../api/schemas';

/** How a threshold is typed: ratios in percent, milliseconds in minutes, dollars and counts as they are. */
export interface ThresholdUnit {
  /** Beside the field's label: "%", "minutes", "$"; empty for counts. */
  label: string;
  toUi: (apiValue: number) => number;
  toApi: (uiValue: number) => number;
}

/** Rounds away binary noise: 0.07 × 100 is 7.000000000000001. */
export const clean = (value: number) => Number(value.toPrecision(12));

const scaled = (label: string, factor: number): ThresholdUnit => ({
  label,
  toUi: (value) => clean(value * factor),
  toApi: (value) => clean(value / factor),
});

const UNITS: Record<MetricUnit, ThresholdUnit> = {
  ratio: scaled('%', 100),
  ms: scaled('minutes', 1 / 60_000),
  usd: scaled('$', 1),
  count: scaled('', 1),
};

/** A percent change is in percent whatever the metric's unit. */
export function thresholdUnit(unit: MetricUnit, kind: ConditionKind): ThresholdUnit {
  return kind === 'percent_change' ? scaled('% change', 1) : UNITS[unit];
}

/** A typed number, or null when the text is not one ("", "abc", "1e"). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
