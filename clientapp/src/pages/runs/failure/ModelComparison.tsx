import type { ModelPrediction } from '../../../api/schemas';
import { CategoryBadge } from '../../../components/classification/CategoryBadge';
import { formatPercent } from '../../../components/classification/categories';

/** With a challenger assigned, both models answer: the one the job was not given (challenger or active) is shown beside. */
export function ModelComparison({ predictions }: { predictions: ModelPrediction[] }) {
  if (predictions.length < 2) return null;
  const served = predictions.find((p) => p.served) ?? predictions[0]!;
  const other = predictions.find((p) => p !== served);
  if (!other) return null;
  const agrees = other.category === served.category;
  return (
    <p className="model-comparison small">
      <span className="muted">Other model <code>{other.modelVersion}</code> said</span> <CategoryBadge category={other.category} />{' '}
      <span className="muted">{formatPercent(other.confidence)} confident · {agrees ? 'agrees' : 'disagrees'}</span>
    </p>
  );
}
