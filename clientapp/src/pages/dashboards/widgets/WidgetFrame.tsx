import type { ReactNode } from 'react';
import type { MetricResult } from '../../../api/schemas';
import { downloadText } from '../download';
import { csvFileName, toCsv } from '../model/csv';
import { tabulate } from '../model/tabulate';

interface Props {
  title: string;
  /** The widget's result, when it has one to export. */
  result: MetricResult | null;
  /** Edit-mode controls, shown in the header in place of the export button. */
  controls?: ReactNode;
  children: ReactNode;
}

/** A widget's card: its title, its export (or edit controls), and its content. */
export function WidgetFrame({ title, result, controls, children }: Props) {
  const exportCsv = (data: MetricResult) => downloadText(csvFileName(title, data.from), toCsv(tabulate(data)), 'text/csv;charset=utf-8');
  return (
    <article className={controls ? 'widget card editing' : 'widget card'} aria-label={title}>
      <header className="widget-head">
        <h2 title={title}>{title}</h2>
        {controls ?? (result && (
          <button type="button" className="icon-button small" aria-label={`Download ${title} as CSV`} title="Download CSV" onClick={() => exportCsv(result)}>
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14" /></svg>
          </button>
        ))}
      </header>
      <div className="widget-body">{children}</div>
    </article>
  );
}
