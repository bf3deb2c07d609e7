import { describe, expect, it } from 'vitest';
import type { MetricDefinition } from '../../../api/schemas';
import { chartsFor, newWidget, newWidgetId } from './newWidget';

const metric = (code: string, title: string, shape: MetricDefinition['shape'], groupBys: MetricDefinition['groupBys']): MetricDefinition => ({
  code, title, description: '', shape, unit: 'count', filters: ['repository'], groupBys, bucketed: true,
});
const failures = metric('failures', 'Failures', 'series', ['repository', 'category']);
const flaky = metric('flaky_jobs', 'Flaky jobs', 'table', []);

describe('newWidget', () => {
  it('builds the query the widget asks for, titled after the metric by default', () => {
    const widget = newWidget({ metric: failures, chart: 'stacked_bar', bucket: 'day', groupBy: 'category', title: ' ' }, 'w1');
    expect(widget).toEqual({
      id: 'w1', title: 'Failures', chart: 'stacked_bar',
      query: { metric: 'failures', bucket: 'day', groupBy: 'category', filters: {} },
      layout: { x: 0, y: 0, w: 6, h: 4 },
    });
  });

  it('drops what the metric or chart cannot use', () => {
    expect(newWidget({ metric: failures, chart: 'pie', bucket: 'day', groupBy: 'job', title: 'x' }, 'w2').query).toMatchObject({ bucket: null, groupBy: null });
    expect(newWidget({ metric: flaky, chart: 'table', bucket: 'day', groupBy: 'repository', title: '' }, 'w3').query).toMatchObject({ bucket: null, groupBy: null });
    expect(newWidget({ metric: failures, chart: 'stat', bucket: 'day', groupBy: null, title: '' }, 'w4').layout).toEqual({ x: 0, y: 0, w: 3, h: 2 });
  });

  it('draws a metric without buckets without a time axis', () => {
    const broken = { ...metric('broken_for', 'Default branch broken for', 'series', ['pipeline']), bucketed: false };
    expect(chartsFor(broken)).toEqual(['stat', 'bar', 'pie']);
    expect(newWidget({ metric: broken, chart: 'bar', bucket: 'day', groupBy: 'pipeline', title: '' }, 'w5').query).toMatchObject({ bucket: null, groupBy: 'pipeline' });
  });

  it('offers only a table for table metrics', () => {
    expect(chartsFor(flaky)).toEqual(['table']);
    expect(chartsFor(failures)).toContain('line');
    expect(chartsFor(failures)).not.toContain('table');
  });
});

it('makes version 4 UUIDs', () => {
  expect(newWidgetId((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  expect(newWidgetId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
