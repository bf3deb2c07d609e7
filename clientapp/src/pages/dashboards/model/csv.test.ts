import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';
import { seriesResult, tableResult } from './fixtures';
import { informativeColumns, tabulate } from './tabulate';

describe('toCsv', () => {
  it('writes a series as bucket, group, value rows with raw values', () => {
    const csv = toCsv(tabulate(seriesResult()));
    expect(csv.split('\r\n')).toEqual([
      'bucket,group,value',
      '2026-11-15T00:00:00Z,acme/api,0.1',
      '2026-11-16T00:00:00Z,acme/api,',
      '2026-11-17T00:00:00Z,acme/api,0.3',
      '2026-11-15T00:00:00Z,acme/web,0.2',
      '2026-11-16T00:00:00Z,acme/web,0.4',
      '2026-11-17T00:00:00Z,acme/web,0',
      '',
    ]);
  });

  it('writes a table as its fields then its values, quoting and defusing what needs it', () => {
    const lines = toCsv(tabulate(tableResult())).split('\r\n');
    expect(lines[0]).toBe('repository,pipeline,job,failures,jobs,failure_rate');
    expect(lines[1]).toBe('acme/api,CI,unit-tests,12,40,0.3');
    expect(lines[2]).toBe(`acme/web,"Deploy, prod",'=cmd,3,30,0.1`);
  });

  it('doubles quotes inside a quoted cell', () => {
    const result = tableResult({ table: [{ fields: { job: 'say "hi"' }, values: {} }] });
    expect(toCsv(tabulate(result))).toBe('job\r\n"say ""hi"""\r\n');
  });

  it('names the file after the widget and the range start', () => {
    expect(csvFileName('Failure rate — by repo!', '2026-11-15T00:00:00Z')).toBe('failure-rate-by-repo-2026-11-15.csv');
    expect(csvFileName('???', '2026-11-15T00:00:00Z')).toBe('widget-2026-11-15.csv');
  });
});

describe('tabulate', () => {
  it('gives table values their own units and keeps the row for drill-down', () => {
    const table = tabulate(tableResult());
    expect(table.columns.map((c) => `${c.key}:${c.kind}:${c.unit}`)).toEqual([
      'repository:text:count', 'pipeline:text:count', 'job:text:count', 'failures:value:count', 'jobs:value:count', 'failure_rate:value:ratio',
    ]);
    expect(table.rows[0]!.target).toEqual({ kind: 'row', fields: { repository: 'acme/api', pipeline: 'CI', job: 'unit-tests' } });
  });

  it('leaves out columns without any value when shown', () => {
    const ungrouped = seriesResult({ groupBy: null, bucket: null, series: [{ group: null, points: [{ at: null, value: 0.2 }] }] });
    expect(informativeColumns(tabulate(ungrouped))).toEqual([2]);
  });
});
