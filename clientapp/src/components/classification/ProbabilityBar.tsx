import { CATEGORIES, categoryClass, categoryLabel, formatPercent } from './categories';

/** Categories under this share get no segment of their own and are left out of the legend. */
const VISIBLE = 0.01;

/** Category → probability, most likely first: the taxonomy's categories, then any the model added. */
export function rankProbabilities(probabilities: Record<string, number>): [string, number][] {
  const codes = [...CATEGORIES.filter((code) => code in probabilities), ...Object.keys(probabilities).filter((code) => !(CATEGORIES as readonly string[]).includes(code))];
  return codes.map((code): [string, number] => [code, probabilities[code] ?? 0]).sort((a, b) => b[1] - a[1]);
}

/** One stacked horizontal bar of the per-category probabilities, with a legend of those that count. */
export function ProbabilityBar({ probabilities }: { probabilities: Record<string, number> }) {
  const ranked = rankProbabilities(probabilities);
  const shown = ranked.filter(([, p]) => p >= VISIBLE);
  const summary = shown.map(([code, p]) => `${categoryLabel(code)} ${formatPercent(p)}`).join(', ');
  return (
    <div className="probability">
      <div className="probability-bar" role="img" aria-label={`Probabilities: ${summary}`}>
        {shown.map(([code, p]) => (
          <span key={code} className={`probability-segment ${categoryClass(code)}`} style={{ width: `${(p * 100).toFixed(2)}%` }}
            data-category={code} title={`${categoryLabel(code)} ${formatPercent(p)}`} />
        ))}
      </div>
      <ul className="probability-legend" aria-hidden="true">
        {shown.map(([code, p]) => (
          <li key={code} className={categoryClass(code)}>
            <span className="category-dot" />{categoryLabel(code)} <strong>{formatPercent(p)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
