import { Link, useNavigate } from 'react-router-dom';
import type { MetricResult } from '../../../api/schemas';
import { bucketLabel } from '../model/chartOptions';
import type { DrillTarget } from '../model/drillDown';
import { informativeColumns, tabulate, type Cell, type Column } from '../model/tabulate';
import { formatValue, humanize } from '../model/units';
import { formatDateTime } from '../../../format';

interface Props {
  result: MetricResult;
  drillUrl?: ((target: DrillTarget) => string) | undefined;
}

function formatCell(cell: Cell, column: Column, result: MetricResult): string {
  if (cell === null) return '—';
  if (column.kind === 'value') return formatValue(typeof cell === 'number' ? cell : Number(cell), column.unit);
  if (column.kind === 'time') {
    return column.key === 'bucket' ? bucketLabel(String(cell), result.bucket) : formatDateTime(String(cell));
  }
  return String(cell);
}

/** A table metric's rows, or a series as rows; each row opens the runs it counted. */
export function TableWidget({ result, drillUrl }: Props) {
  const navigate = useNavigate();
  const table = tabulate(result);
  const shown = informativeColumns(table);
  return (
    <table className="widget-table">
      <thead>
        <tr>{shown.map((index) => <th key={index}>{humanize(table.columns[index]!.key)}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => {
          const url = drillUrl?.(row.target);
          return (
            <tr key={rowIndex} className={url ? 'drill-row' : undefined} onClick={url ? () => navigate(url) : undefined}>
              {shown.map((index, position) => {
                const column = table.columns[index]!;
                const text = formatCell(row.cells[index] ?? null, column, result);
                return (
                  <td key={index} data-label={humanize(column.key)} className={column.kind === 'value' ? 'number' : undefined}>
                    {/* The first cell is a real link, for the keyboard and for opening in a new tab. */}
                    {position === 0 && url ? <Link to={url} onClick={(event) => event.stopPropagation()}>{text}</Link> : <span>{text}</span>}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
