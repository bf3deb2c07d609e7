import type { DeployedModel } from '../../api/schemas';
import { ConfusionHeatmap } from './ConfusionHeatmap';
import { HeadlineMetrics } from './HeadlineMetrics';
import { ModelCardText } from './ModelCardText';
import { cardOf } from './modelCard';
import { algorithmName } from './modelFormat';
import { PerClassTable } from './PerClassTable';
import { TrainingSummary } from './TrainingSummary';
import { formatDate } from '../../format';

/** One deployed model: its role here, its evaluation, its data and its limits. */
export function ModelCard({ model }: { model: DeployedModel }) {
  const titleId = `model-${model.version}`;
  const card = cardOf(model);
  const metrics = card.metrics;
  return (
    <article className="card model-card" aria-labelledby={titleId}>
      <header className="model-card-head">
        <h2 id={titleId}><code>{model.version}</code></h2>
        {model.active && <span className="badge">Active</span>}
        {model.challenger && <span className="badge challenger">Challenger</span>}
        <p className="muted small model-meta">
          {algorithmName(model.algorithm)} · created {formatDate(model.createdAt)} · featurizer <code>{model.featurizerVersion}</code>
        </p>
      </header>
      <HeadlineMetrics card={card} />
      <TrainingSummary model={model} />
      {metrics && (
        <div className="model-evaluation">
          <section aria-label={`Per-class metrics of ${model.version}`}>
            <h3>Per class</h3>
            <PerClassTable classes={model.classes} perClass={metrics.perClass} />
          </section>
          <section aria-label={`Confusion matrix of ${model.version}`}>
            <h3>Confusion matrix</h3>
            <ConfusionHeatmap classes={model.classes} confusion={metrics.confusion} />
          </section>
        </div>
      )}
      <ModelCardText model={model} />
    </article>
  );
}
