import { api } from '../../api/client';
import type { TenantModel } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';

interface Props {
  model: TenantModel;
  onChanged: () => void;
}

/** Activate a model that wins, return to the shipped model from the serving one, or delete one that does not serve. */
export function TenantModelActions({ model, onChanged }: Props) {
  const version = model.card.version;
  const activate = useSubmit(async () => {
    await api.activateTenantModel(version);
    onChanged();
  });
  const deactivate = useSubmit(async () => {
    await api.deactivateTenantModel();
    onChanged();
  });
  const remove = useSubmit(async () => {
    await api.deleteTenantModel(version);
    onChanged();
  });
  const busy = activate.busy || deactivate.busy || remove.busy;

  return (
    <>
      <div className="links">
        {model.canActivate && !model.active && (
          <button className="button" type="button" disabled={busy} onClick={() => void activate.onSubmit()}>Activate</button>
        )}
        {model.active ? (
          <button className="button secondary" type="button" disabled={busy} onClick={() => void deactivate.onSubmit()}>
            Return to the shipped model
          </button>
        ) : (
          <button className="button secondary" type="button" disabled={busy} onClick={() => void remove.onSubmit()}>Delete</button>
        )}
      </div>
      <div className="form-status" aria-live="polite">
        <ProblemAlert error={activate.error ?? deactivate.error ?? remove.error} />
      </div>
    </>
  );
}
