import type { DeployedModel } from '../../api/schemas';
import { cardOf } from './modelCard';
import { count, percent } from './modelFormat';

/** Where the model learned, and how it did on this tenant's reviewed jobs. */
export function TrainingSummary({ model }: { model: DeployedModel }) {
  const data = cardOf(model).data;
  const tenant = model.onThisTenant;
  return (
    <>
      {data && (
        <p className="small">
          Trained on <strong>{count(data.realLogs)}</strong> real logs from <strong>{count(data.realRepos)}</strong> repositories,{' '}
          {count(data.syntheticLogs)} synthetic logs ({percent(data.syntheticShare)} of the training rows)
          {data.feedbackLogs > 0 ? <> and {count(data.feedbackLogs)} corrected by people</> : null}.
        </p>
      )}
      {tenant && tenant.reviewed > 0 && (
        <p className="tenant-agreement small">
          On this tenant: agreed with <strong>{count(tenant.agreed)}</strong> of <strong>{count(tenant.reviewed)}</strong> reviewed
          {tenant.predictions > 0 ? <span className="muted"> ({count(tenant.predictions)} jobs classified)</span> : null}
        </p>
      )}
    </>
  );
}
