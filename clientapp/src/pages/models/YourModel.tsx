import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../session/SessionProvider';
import { TenantModelActions } from './TenantModelActions';
import { TenantModelResult } from './TenantModelResult';
import { labelProgress } from './tenantModel';

interface Props {
  /** The serving models changed (activated, returned to the shipped model, deleted). */
  onServingChanged: () => void;
}

/**
 * The organisation's own model, trained on the categories people gave its failed jobs. It may serve only when it beats the
 * shipped model on those jobs; the server decides, and its answer is shown.
 */
export function YourModel({ onServingChanged }: Props) {
  const { can } = useSession();
  const manage = can('models:manage');
  const { resource, refresh } = useResource((signal) => api.tenantModels(signal));
  const train = useSubmit(async () => {
    await api.trainTenantModel();
    refresh();
  });
  const changed = () => {
    refresh();
    onServingChanged();
  };

  if (resource.state === 'loading') return null;
  if (resource.state === 'error') return <ProblemAlert error={resource.error} />;
  const list = resource.data;
  const progress = labelProgress(list);

  return (
    <section className="card your-model" aria-labelledby="your-model">
      <h2 id="your-model">Your model</h2>
      <p className="muted small">
        Trained on the categories people gave this organisation’s failed jobs, starting from the shipped model. It can serve you only
        when it is right more often than the shipped model on those jobs.
      </p>
      <div className="label-progress">
        <progress max={list.minimumLabels} value={Math.min(progress.labels, list.minimumLabels)} aria-label="Labels so far" />
        <span data-testid="label-progress">
          {progress.labels.toLocaleString()} labelled {progress.labels === 1 ? 'job' : 'jobs'} in {progress.categories}{' '}
          {progress.categories === 1 ? 'category' : 'categories'}; at least {list.minimumLabels} in {list.minimumClasses} are needed
          {progress.labels > list.maxLabels ? ` (the newest ${list.maxLabels.toLocaleString()} are used)` : ''}.
        </span>
      </div>
      {manage && (
        <div className="links">
          <button className="button" type="button" disabled={train.busy || !progress.enough} onClick={() => void train.onSubmit()}>
            {train.busy ? 'Training… (up to a minute)' : 'Train on your labels'}
          </button>
        </div>
      )}
      <div className="form-status" aria-live="polite"><ProblemAlert error={train.error} /></div>
      {list.items.map((model) => (
        <TenantModelResult key={model.card.version} model={model}
          actions={manage && <TenantModelActions model={model} onChanged={changed} />} />
      ))}
    </section>
  );
}
