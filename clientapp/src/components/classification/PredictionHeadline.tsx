import type { ReactNode } from 'react';
import type { FailureAnalysis } from '../../api/types';
import { CategoryBadge } from './CategoryBadge';
import { formatPercent } from './categories';
import { ProbabilityBar } from './ProbabilityBar';

interface Props {
  analysis: FailureAnalysis;
  /** Off where a person set the category: the model's confidence is not theirs. */
  showConfidence?: boolean;
  /** Said between the verdict and the probabilities. */
  note?: ReactNode;
}

/** Category, confidence and model of an answer, with its probabilities. */
export function PredictionHeadline({ analysis, showConfidence = true, note }: Props) {
  return (
    <>
      <p className="prediction-headline">
        <CategoryBadge category={analysis.category} />
        {showConfidence && <span className="confidence">{formatPercent(analysis.confidence)} confident</span>}
        <span className="muted small">model <code>{analysis.modelVersion}</code></span>
      </p>
      {note}
      <ProbabilityBar probabilities={analysis.probabilities} />
    </>
  );
}
