import type { Cell, TableData } from './tabulate';

// A spreadsheet would run a cell starting with these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV of raw values (ratios as fractions, durations in ms), for analysis elsewhere. */
export function toCsv(table: TableData): string {
  const lines = [table.columns.map((column) => csvCell(column.key)), ...table.rows.map((row) => row.cells.map(csvCell))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** "Failure rate by repo" → "failure-rate-by-repo". */
export function csvFileName(title: string, from: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'widget';
  return `${slug}-${from.slice(0, 10)}.csv`;
}
