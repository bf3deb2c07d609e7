import type { AlertPreview, AlertRule, AlertRuleDraft, MetricDefinition } from '../../../api/schemas';

/** Catalog entries, rules and previews shaped as the API answers them, for the tests. */
export const failureRate: MetricDefinition = {
  code: 'failure_rate', title: 'Failure rate', description: 'Failed jobs ÷ jobs that failed or succeeded.', shape: 'series', unit: 'ratio',
  filters: ['repository', 'pipeline', 'job', 'branch', 'provider'], groupBys: ['repository', 'pipeline', 'job', 'branch', 'provider'], bucketed: true,
};

export const durationP95: MetricDefinition = {
  code: 'duration_p95', title: 'Job duration p95', description: '95th percentile duration of finished jobs.', shape: 'series', unit: 'ms',
  filters: ['repository', 'pipeline', 'job', 'branch', 'provider'], groupBys: ['repository', 'pipeline', 'job', 'branch', 'provider'], bucketed: true,
};

export const mttr: MetricDefinition = {
  code: 'mttr', title: 'Mean time to recovery', description: 'Mean time from first failure to recovery.', shape: 'series', unit: 'ms',
  filters: ['repository', 'pipeline', 'provider'], groupBys: ['repository', 'pipeline'], bucketed: true,
};

export const failureCost: MetricDefinition = {
  code: 'failure_cost', title: 'Cost of failures', description: 'Runner minutes spent on failed jobs × price.', shape: 'series', unit: 'usd',
  filters: ['repository', 'pipeline', 'job', 'branch', 'provider', 'category'], groupBys: ['repository', 'pipeline', 'job', 'branch', 'provider', 'category'], bucketed: true,
};

export const topFailingJobs: MetricDefinition = {
  code: 'top_failing_jobs', title: 'Top failing jobs', description: 'Jobs with the most failures.', shape: 'table', unit: 'count',
  filters: ['repository', 'pipeline', 'job', 'branch', 'provider'], groupBys: [], bucketed: true,
};

export const catalog: MetricDefinition[] = [failureRate, durationP95, mttr, failureCost, topFailingJobs];

export function ruleDraft(overrides: Partial<AlertRuleDraft> = {}): AlertRuleDraft {
  return {
    name: 'Failure rate on main above 20%', description: null, enabled: true,
    query: { metric: 'failure_rate', groupBy: null, alsoGroupBy: null, filters: { branch: 'main' }, top: null },
    condition: { kind: 'above', threshold: 0.2, upper: null, recoveryThreshold: 0.15 },
    windowMinutes: 60, forMinutes: 5, severity: 'warning', noDataState: 'no_data', errorState: 'error', renotifyMinutes: 240, channelIds: ['c1'],
    ...overrides,
  };
}

export function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    ...ruleDraft(), id: 'r1', mutedUntil: null, createdAt: '2026-11-20T09:00:00Z', updatedAt: '2026-11-20T09:00:00Z',
    state: 'firing', lastEvaluatedAt: '2026-11-22T10:00:00Z',
    groups: [{
      group: null, state: 'firing', since: '2026-11-22T09:40:00Z', value: 0.31, acknowledgedAt: null, acknowledgedBy: null,
      lastNotifiedAt: '2026-11-22T09:45:00Z', recentValues: [0.12, 0.18, 0.31],
    }],
    ...overrides,
  };
}

export function preview(overrides: Partial<AlertPreview> = {}): AlertPreview {
  return {
    unit: 'ratio',
    current: [{ group: 'acme/api', value: 0.31, breaching: true }, { group: 'acme/web', value: 0.05, breaching: false }],
    history: {
      bucket: 'hour',
      series: [
        { group: 'acme/api', points: [{ at: '2026-11-22T08:00:00Z', value: 0.1 }, { at: '2026-11-22T09:00:00Z', value: 0.31 }] },
        { group: 'acme/web', points: [{ at: '2026-11-22T08:00:00Z', value: 0.02 }, { at: '2026-11-22T09:00:00Z', value: 0.05 }] },
      ],
    },
    threshold: 0.2, upper: null,
    ...overrides,
  };
}
