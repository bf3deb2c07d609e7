import type { MetricResult } from '../../../api/schemas';

/** Results shaped as the analytics API answers them, for the tests. */
export function seriesResult(overrides: Partial<MetricResult> = {}): MetricResult {
  return {
    metric: 'failure_rate', unit: 'ratio', shape: 'series',
    from: '2026-11-15T00:00:00Z', to: '2026-11-18T00:00:00Z', bucket: 'day', groupBy: 'repository',
    series: [
      { group: 'acme/api', points: [{ at: '2026-11-15T00:00:00Z', value: 0.1 }, { at: '2026-11-16T00:00:00Z', value: null }, { at: '2026-11-17T00:00:00Z', value: 0.3 }] },
      { group: 'acme/web', points: [{ at: '2026-11-15T00:00:00Z', value: 0.2 }, { at: '2026-11-16T00:00:00Z', value: 0.4 }, { at: '2026-11-17T00:00:00Z', value: 0 }] },
    ],
    table: [],
    ...overrides,
  };
}

export function tableResult(overrides: Partial<MetricResult> = {}): MetricResult {
  return {
    metric: 'top_failing_jobs', unit: 'count', shape: 'table',
    from: '2026-11-15T00:00:00Z', to: '2026-11-22T00:00:00Z', bucket: null, groupBy: null, series: [],
    table: [
      { fields: { repository: 'acme/api', pipeline: 'CI', job: 'unit-tests' }, values: { failures: 12, jobs: 40, failure_rate: 0.3 } },
      { fields: { repository: 'acme/web', pipeline: 'Deploy, prod', job: '=cmd' }, values: { failures: 3, jobs: 30, failure_rate: 0.1 } },
    ],
    ...overrides,
  };
}
