import { formatCount } from '../../format';

const ALGORITHMS: Record<string, string> = {
  lr: 'Logistic regression',
  rf: 'Random forest',
  xgb: 'Gradient-boosted trees (XGBoost)',
};

export function algorithmName(code: string): string {
  return ALGORITHMS[code] ?? code;
}

/** 0.5593 → "55.9 %". */
export function percent(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)} %`;
}

/** F1 scores as usually written: 0.292. */
export function score(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : value.toFixed(3);
}

export function count(value: number | undefined): string {
  return value === undefined ? '—' : formatCount(value);
}
