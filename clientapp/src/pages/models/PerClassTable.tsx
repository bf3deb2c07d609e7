import type { ClassMetrics } from './modelCard';
import { TableScroll } from '../../components/TableScroll';
import { CategoryBadge } from '../../components/classification/CategoryBadge';
import { count, percent, score } from './modelFormat';

/** Precision, recall, F1 and support of each class, in the model's class order. */
export function PerClassTable({ classes, perClass }: { classes: string[]; perClass: Record<string, ClassMetrics> }) {
  const rows = [...classes, ...Object.keys(perClass).filter((code) => !classes.includes(code))].filter((code) => perClass[code]);
  return (
    <TableScroll label="Per-class metrics">
      <table className="compact-table">
        <caption className="sr-only">Per-class metrics</caption>
        <thead>
          <tr><th scope="col">Class</th><th scope="col" className="number">Precision</th><th scope="col" className="number">Recall</th>
            <th scope="col" className="number">F1</th><th scope="col" className="number">Support</th></tr>
        </thead>
        <tbody>
          {rows.map((code) => {
            const metrics = perClass[code]!;
            return (
              <tr key={code}>
                <th scope="row"><CategoryBadge category={code} /></th>
                <td className="number">{percent(metrics.precision)}</td>
                <td className="number">{percent(metrics.recall)}</td>
                <td className="number">{score(metrics.f1)}</td>
                <td className="number">{count(metrics.support)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
