import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { DeployedModel, ModelAssignment } from '../../api/schemas';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { SelectField } from '../../components/SelectField';
import { useSubmit } from '../../components/useSubmit';
import { checkAssignment, draftOf, type AssignmentDraft, type AssignmentField } from './assignment';
import { formatCount } from '../../format';

interface Props {
  models: DeployedModel[];
  assignment: ModelAssignment;
  onSaved: () => void;
}

/** Which model serves the organisation, and which challenger gets what share of its failed jobs. */
export function AssignmentForm({ models, assignment, onSaved }: Props) {
  const [draft, setDraft] = useState<AssignmentDraft>(() => draftOf(assignment));
  const [invalid, setInvalid] = useState<Partial<Record<AssignmentField, string[]>>>({});
  const [requeued, setRequeued] = useState<number | null>(null);
  const shareId = useId();
  const { busy, error, onSubmit } = useSubmit(async () => {
    setRequeued(null);
    const check = checkAssignment(draft);
    if (!check.ok) {
      setInvalid(check.errors);
      return;
    }
    setInvalid({});
    const saved = await api.assignModels(check.body);
    setRequeued(saved.requeued);
    onSaved();
  });

  const change = (next: Partial<AssignmentDraft>) => {
    setDraft((current) => {
      const merged = { ...current, ...next };
      // A challenger equal to the new active model would be refused: drop it.
      return merged.challenger === merged.active ? { ...merged, challenger: '', sharePercent: '0' } : merged;
    });
    setInvalid({});
    setRequeued(null);
  };
  const errorsOf = (field: AssignmentField) => invalid[field] ?? fieldErrors(error, field);
  const shareErrors = errorsOf('challengerShare');
  const options = models.map((model) => ({ value: model.version, label: model.version }));

  return (
    <form className="card assignment-form" onSubmit={onSubmit} noValidate aria-label="Model assignment">
      <h2>Serving models</h2>
      <p className="muted small">The active model classifies this organisation’s failed jobs; a challenger answers for its share of them, and both are compared on the jobs people review.</p>
      <div className="assignment-fields">
        <SelectField label="Active model" value={draft.active} options={options} errors={errorsOf('active')}
          onChange={(e) => change({ active: e.target.value })} />
        <SelectField label="Challenger" value={draft.challenger} errors={errorsOf('challenger')}
          options={[{ value: '', label: 'None' }, ...options.filter((option) => option.value !== draft.active)]}
          onChange={(e) => change({ challenger: e.target.value, ...(e.target.value ? {} : { sharePercent: '0' }) })} />
        <div className={shareErrors?.length ? 'field invalid' : 'field'}>
          <label htmlFor={shareId}>Challenger share (%)</label>
          <div className="share-inputs">
            <input type="range" min={0} max={100} step={1} aria-label="Challenger share slider" disabled={!draft.challenger}
              value={Number(draft.sharePercent) || 0} onChange={(e) => change({ sharePercent: e.target.value })} />
            <input id={shareId} type="number" min={0} max={100} step="any" inputMode="decimal" disabled={!draft.challenger}
              value={draft.sharePercent} aria-invalid={shareErrors?.length ? true : undefined}
              aria-describedby={shareErrors?.length ? `${shareId}-errors` : undefined}
              onChange={(e) => change({ sharePercent: e.target.value })} />
          </div>
          {shareErrors?.length ? (
            <ul id={`${shareId}-errors`} className="field-errors">{shareErrors.map((message) => <li key={message}>{message}</li>)}</ul>
          ) : null}
        </div>
      </div>
      <button className="button" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
      <div className="form-status" aria-live="polite">
        <ProblemAlert error={error} />
        {requeued !== null && !error && (
          <p className="banner ok" role="status">
            Saved. {formatCount(requeued)} {requeued === 1 ? 'job' : 'jobs'} queued for re-classification.
          </p>
        )}
      </div>
    </form>
  );
}
