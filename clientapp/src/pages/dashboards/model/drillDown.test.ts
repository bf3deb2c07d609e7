import { describe, expect, it } from 'vitest';
import { bucketSpan, drillDownUrl } from './drillDown';
import { seriesResult, tableResult } from './fixtures';

const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('drillDownUrl', () => {
  it('opens the failed jobs of the clicked group and day, with every filter', () => {
    const url = drillDownUrl({
      result: seriesResult(),
      widgetFilters: { branch: 'main', pipeline: 'CI', job: null },
      dashboardFilters: { provider: 'github', branch: 'release' },
      target: { kind: 'point', group: 'acme/api', at: '2026-11-16T00:00:00Z' },
    });
    expect(url.startsWith('/runs?')).toBe(true);
    expect(params(url)).toEqual({
      view: 'jobs', repository: 'acme/api', pipeline: 'CI', branch: 'release', provider: 'github', status: 'failure',
      finishedFrom: '2026-11-16T00:00:00.000Z', finishedTo: '2026-11-17T00:00:00.000Z',
    });
  });

  it('leaves out the dashboard filters the metric does not accept, as the server did', () => {
    const result = seriesResult({ metric: 'mttr', unit: 'ms', groupBy: null, bucket: null });
    const url = drillDownUrl({
      result, widgetFilters: null, dashboardFilters: { branch: 'dev', repository: 'acme/api' }, accepts: ['repository', 'pipeline', 'provider'],
      target: { kind: 'point', group: null, at: null },
    });
    expect(params(url)).toEqual({ repository: 'acme/api', status: 'failure', finishedFrom: result.from, finishedTo: result.to });
  });

  it('opens runs, without a status, for a metric about runs over the whole range', () => {
    const result = seriesResult({ metric: 'runs', unit: 'count', bucket: null, groupBy: 'pipeline' });
    const url = drillDownUrl({ result, widgetFilters: null, dashboardFilters: {}, target: { kind: 'point', group: 'CI', at: null } });
    expect(params(url)).toEqual({ pipeline: 'CI', finishedFrom: '2026-11-15T00:00:00Z', finishedTo: '2026-11-18T00:00:00Z' });
  });

  it('opens the jobs view whenever a job is filtered, since runs cannot be', () => {
    const result = seriesResult({ metric: 'runs', unit: 'count', groupBy: null });
    const url = drillDownUrl({ result, widgetFilters: {}, dashboardFilters: { job: 'lint' }, target: { kind: 'point', group: null, at: null } });
    expect(params(url)).toMatchObject({ view: 'jobs', job: 'lint' });
  });

  it('opens exactly the failed jobs of a clicked category slice, timed out ones included, by finish time', () => {
    const result = seriesResult({ metric: 'failure_categories', unit: 'count', groupBy: null, bucket: null });
    const url = drillDownUrl({ result, widgetFilters: null, dashboardFilters: { repository: 'acme/api' }, target: { kind: 'point', group: 'test', at: null } });
    expect(params(url)).toEqual({ view: 'jobs', repository: 'acme/api', category: 'test', finishedFrom: result.from, finishedTo: result.to });
  });

  it('opens the uncertain jobs of the "Unclassified (uncertain)" slice', () => {
    const result = seriesResult({ metric: 'failure_categories', unit: 'count', groupBy: null, bucket: null });
    const url = drillDownUrl({ result, widgetFilters: null, dashboardFilters: {}, target: { kind: 'point', group: 'uncertain', at: null } });
    expect(params(url)).toEqual({ view: 'jobs', category: 'uncertain', finishedFrom: result.from, finishedTo: result.to });
  });

  it('keeps a widget’s category filter on the failures it counted, and the unclassified group', () => {
    const failures = seriesResult({ metric: 'failures', unit: 'count', groupBy: 'repository' });
    expect(params(drillDownUrl({ result: failures, widgetFilters: { category: 'lint' }, dashboardFilters: {}, target: { kind: 'point', group: 'acme/api', at: null } })))
      .toMatchObject({ view: 'jobs', repository: 'acme/api', category: 'lint' });
    const byCategory = seriesResult({ metric: 'failures', unit: 'count', groupBy: 'category' });
    const url = drillDownUrl({ result: byCategory, widgetFilters: null, dashboardFilters: {}, target: { kind: 'point', group: 'unclassified', at: '2026-11-16T00:00:00Z' } });
    expect(params(url)).toEqual({ view: 'jobs', category: 'unclassified', finishedFrom: '2026-11-16T00:00:00.000Z', finishedTo: '2026-11-17T00:00:00.000Z' });
  });

  it('ignores a category filter of a metric that does not count failures by category', () => {
    const result = seriesResult({ metric: 'jobs', unit: 'count', groupBy: null, bucket: null });
    expect(params(drillDownUrl({ result, widgetFilters: { category: 'lint' }, dashboardFilters: {}, target: { kind: 'point', group: null, at: null } })))
      .toEqual({ view: 'jobs', finishedFrom: result.from, finishedTo: result.to });
  });

  it('opens the failures of a table row’s job', () => {
    const url = drillDownUrl({ result: tableResult(), widgetFilters: null, dashboardFilters: { branch: 'main' }, target: { kind: 'row', fields: tableResult().table[0]!.fields } });
    expect(params(url)).toEqual({
      view: 'jobs', repository: 'acme/api', pipeline: 'CI', job: 'unit-tests', branch: 'main', status: 'failure',
      finishedFrom: '2026-11-15T00:00:00Z', finishedTo: '2026-11-22T00:00:00Z',
    });
  });

  it('opens an incident’s own span, up to the end of the range while it lasts', () => {
    const result = tableResult({ metric: 'incidents', unit: 'ms' });
    const fields = { repository: 'acme/api', pipeline: 'CI', branch: 'main', started_at: '2026-11-20T10:00:00Z', resolved_at: null };
    expect(params(drillDownUrl({ result, widgetFilters: null, dashboardFilters: {}, target: { kind: 'row', fields } }))).toEqual({
      repository: 'acme/api', pipeline: 'CI', branch: 'main', status: 'failure', finishedFrom: '2026-11-20T10:00:00Z', finishedTo: '2026-11-22T00:00:00Z',
    });
  });
});

describe('bucketSpan', () => {
  it('keeps a bucket within the queried range', () => {
    const result = { from: '2026-11-15T06:00:00Z', to: '2026-11-20T12:00:00Z', bucket: 'week' as const };
    expect(bucketSpan('2026-11-10T00:00:00Z', result)).toEqual({ from: '2026-11-15T06:00:00.000Z', to: '2026-11-17T00:00:00.000Z' });
    expect(bucketSpan('2026-11-20T11:00:00Z', { ...result, bucket: 'hour' })).toEqual({ from: '2026-11-20T11:00:00.000Z', to: '2026-11-20T12:00:00.000Z' });
  });
});
