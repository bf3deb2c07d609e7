import type { ModelCardJson } from './modelCard';
import { percent, score } from './modelFormat';

interface Metric {
  label: string;
  value: number | undefined;
  format: (value: number | undefined) => string;
  against: string;
  reference: number | undefined;
}

/** The figures that say whether the model is worth it: each beside what it replaces. */
export function HeadlineMetrics({ card }: { card: ModelCardJson }) {
  const metrics: Metric[] = [
    { label: 'Macro-F1', value: card.metrics?.macroF1, format: score, against: 'regex baseline', reference: card.baseline?.macroF1 },
    { label: 'Accuracy', value: card.metrics?.accuracy, format: percent, against: 'regex baseline', reference: card.baseline?.accuracy },
    { label: 'Best key line right', value: card.lineMetrics?.hitAt1, format: percent, against: 'last error-word line', reference: card.lineMetrics?.keywordHitAt1 },
    { label: 'Right line in the top 3', value: card.lineMetrics?.hitAt3, format: percent, against: 'last 3 error-word lines', reference: card.lineMetrics?.keywordHitAt3 },
  ];
  return (
    <dl className="metric-tiles">
      {metrics.map((metric) => {
        const better = metric.value !== undefined && metric.reference !== undefined ? metric.value >= metric.reference : null;
        return (
          <div key={metric.label} className="metric-tile">
            <dt>{metric.label}</dt>
            <dd>
              <span className="metric-value">{metric.format(metric.value)}</span>
              <span className={better === null ? 'muted small' : better ? 'metric-ref better small' : 'metric-ref worse small'}>
                {metric.against} {metric.format(metric.reference)}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
