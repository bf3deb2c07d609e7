import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSession } from '../../session/SessionProvider';
import { AssignmentForm } from './AssignmentForm';
import { ModelCard } from './ModelCard';
import { TryLogForm } from './TryLogForm';
import { UncertainJobs } from './UncertainJobs';
import { YourModel } from './YourModel';
import { usePageTitle } from '../../components/usePageTitle';

/** The deployed failure classifiers: how good each is, which one serves this organisation, and a place to try them. */
export function ModelsPage() {
  usePageTitle('Models');
  const { can } = useSession();
  const { resource, refresh } = useResource((signal) => api.models(signal));

  return (
    <section className="page">
      <header className="page-header">
        <h1>Models</h1>
        <p className="muted">The classifiers that say why a job failed, with their evaluation on real logs and what they are not good at.</p>
      </header>
      {resource.state === 'loading' && <p className="muted" role="status">Loading the models…</p>}
      {resource.state === 'error' && <ProblemAlert error={resource.error} />}
      {resource.data && (
        <>
          <p className="muted" data-testid="execution-provider">
            Models run on {resource.data.executionProvider === 'cuda' ? 'the GPU (CUDA)' : 'the CPU'}.
          </p>
          {/* While the organisation's own model serves, "Your model" is where to return to the shipped models. */}
          {can('models:manage') && resource.data.items.some((model) => model.active) && (
            <AssignmentForm models={resource.data.items} assignment={resource.data.assignment} onSaved={refresh} />
          )}
          {can('data:predict') && <TryLogForm />}
          {can('data:read') && <UncertainJobs />}
          {can('data:read') && <YourModel onServingChanged={refresh} />}
          {resource.data.items.length === 0 && <p className="card muted">No model is deployed.</p>}
          <div className="model-list">
            {resource.data.items.map((model) => <ModelCard key={model.version} model={model} />)}
          </div>
        </>
      )}
    </section>
  );
}
