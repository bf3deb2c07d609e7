import type { ReactNode } from 'react';
import type { FailureAnalysis } from '../../api/schemas';
import { CategoryBadge } from './CategoryBadge';
import { categoryClass, categoryLabel, formatPercent } from './categories';
import { ProbabilityBar, rankProbabilities } from './ProbabilityBar';

interface Props {
  analysis: FailureAnalysis;
  /** A person set the category: the model's confidence is not theirs, and a person is never uncertain. */
  byPerson?: boolean;
  /** Said between the verdict and the probabilities. */
  note?: ReactNode;
}

/** Category, confidence and model of an answer, with its probabilities; under the model's threshold, the two likeliest. */
export function PredictionHeadline({ analysis, byPerson = false, note }: Props) {
  // `uncertain` is missing from answers of servers older than it: those are not uncertain.
  const uncertain = !byPerson && Boolean(analysis.uncertain);
  return (
    <>
      <p className={uncertain ? 'prediction-headline uncertain' : 'prediction-headline'}>
        {uncertain ? <UncertainVerdict analysis={analysis} /> : <CategoryBadge category={analysis.category} />}
        {!byPerson && !uncertain && <span className="confidence">{formatPercent(analysis.confidence)} confident</span>}
        <span className="muted small">model <code>{analysis.modelVersion}</code></span>
      </p>
      {note}
      <ProbabilityBar probabilities={analysis.probabilities} />
    </>
  );
}

/** "Uncertain — is it Test (41 %) or Lint (32 %)?" instead of a category the model is not sure of. */
function UncertainVerdict({ analysis }: { analysis: FailureAnalysis }) {
  const ranked = rankProbabilities(analysis.probabilities);
  const likeliest = (ranked.length > 0 ? ranked : [[analysis.category, analysis.confidence] as const]).slice(0, 2);
  return (
    <span className="uncertain-verdict">
      <CategoryBadge category="uncertain" />
      {' — is it '}
      {likeliest.map(([code, p], i) => (
        <span key={code}>
          {i > 0 && ' or '}
          <span className={`uncertain-choice ${categoryClass(code)}`}>
            <span className="category-dot" aria-hidden="true" />
            <strong>{categoryLabel(code)}</strong> ({formatPercent(p)})
          </span>
        </span>
      ))}
      ?
    </span>
  );
}
