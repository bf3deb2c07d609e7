import type { MetricResult, MetricUnit } from '../../../api/schemas';
import type { DrillTarget } from './drillDown';

export interface Column {
  key: string;
  kind: 'time' | 'text' | 'value';
  unit: MetricUnit;
}

export type Cell = string | number | null;

export interface TableData {
  columns: Column[];
  rows: { cells: Cell[]; target: DrillTarget }[];
}

/** Table metrics mix units (failures beside failure_rate), so a value column's unit comes from its name. */
function valueUnit(key: string): MetricUnit {
  if (/rate$/.test(key)) return 'ratio';
  if (/_ms$/.test(key)) return 'ms';
  if (/cost|usd/.test(key)) return 'usd';
  return 'count';
}

const isTimeField = (key: string) => /(_at|_seen)$/.test(key);

function keysInOrder(records: Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}

/** Rows and columns of a result: a series gives bucket, group, value; a table its fields then its values. */
export function tabulate(result: MetricResult): TableData {
  if (result.shape === 'series') {
    return {
      columns: [
        { key: 'bucket', kind: 'time', unit: result.unit },
        { key: 'group', kind: 'text', unit: result.unit },
        { key: 'value', kind: 'value', unit: result.unit },
      ],
      rows: result.series.flatMap((series) => series.points.map((point) => ({
        cells: [point.at, series.group, point.value],
        target: { kind: 'point' as const, group: series.group, at: point.at },
      }))),
    };
  }
  const fields = keysInOrder(result.table.map((row) => row.fields));
  const values = keysInOrder(result.table.map((row) => row.values));
  return {
    columns: [
      ...fields.map((key): Column => ({ key, kind: isTimeField(key) ? 'time' : 'text', unit: result.unit })),
      ...values.map((key): Column => ({ key, kind: 'value', unit: valueUnit(key) })),
    ],
    rows: result.table.map((row) => ({
      cells: [...fields.map((key) => row.fields[key] ?? null), ...values.map((key) => row.values[key] ?? null)],
      target: { kind: 'row' as const, fields: row.fields },
    })),
  };
}

/** Columns with at least one value: no bucket column without a bucket, no group column without a group-by. */
export function informativeColumns(table: TableData): number[] {
  return table.columns.map((_, index) => index).filter((index) => table.rows.some((row) => row.cells[index] !== null));
}
