import type { ReactNode } from 'react';
import type { TenantModel } from '../../api/schemas';
import { formatAgo } from '../../format';
import { percent } from './modelFormat';

interface Props {
  model: TenantModel;
  /** Shown only to those who may manage models. */
  actions: ReactNode;
}

/** One trained model: how it did against the shipped model on the organisation's own labelled jobs, and what may be done with it. */
export function TenantModelResult({ model, actions }: Props) {
  const { card } = model;
  const wins = card.outOfFoldAccuracy > card.shippedAccuracy;
  return (
    <article className="tenant-model" aria-label={`Model ${card.version}`}>
      <div className="model-card-head">
        <h3><code>{card.version}</code></h3>
        {model.active && <span className="badge">Serving</span>}
        {model.stale && <span className="badge warn">Stale: retrain</span>}
      </div>
      <p className="muted small">
        Trained {formatAgo(card.createdAt)} by {card.createdBy} on {card.labels.toLocaleString()} labelled jobs
        {card.priorModel ? <>, starting from <code>{card.priorModel}</code></> : null}.
      </p>
      <dl className="tenant-model-figures">
        <div className={wins ? 'better' : undefined}>
          <dt>Your model (out of fold)</dt>
          <dd data-testid="out-of-fold-accuracy">{percent(card.outOfFoldAccuracy)}</dd>
        </div>
        <div>
          <dt>Shipped <code>{card.shippedModel}</code></dt>
          <dd data-testid="shipped-accuracy">{percent(card.shippedAccuracy)}</dd>
        </div>
      </dl>
      <p className="muted small">
        Both on the same {card.labels.toLocaleString()} jobs; yours in {card.folds}-fold cross-validation, so no job was judged by a model
        trained on it.
      </p>
      {model.refusal && !model.active && <p className="banner warn" data-testid="refusal">{model.refusal}</p>}
      {actions}
    </article>
  );
}
