import type { DeployedModel } from '../../api/schemas';
import { Markdown } from '../../components/markdown/Markdown';
import { cardOf } from './modelCard';

/** What the model is for, what it cannot do, and the whole card on request. */
export function ModelCardText({ model }: { model: DeployedModel }) {
  const { intendedUse, limits } = cardOf(model);
  return (
    <>
      {intendedUse && (
        <div>
          <h3>Intended use</h3>
          <p className="small">{intendedUse}</p>
        </div>
      )}
      {limits && limits.length > 0 && (
        <div>
          <h3>Limits</h3>
          <ul className="limits small">{limits.map((limit) => <li key={limit}>{limit}</li>)}</ul>
        </div>
      )}
      {model.cardMarkdown && (
        <details className="full-card">
          <summary>Full model card</summary>
          <Markdown source={model.cardMarkdown} />
        </details>
      )}
    </>
  );
}
