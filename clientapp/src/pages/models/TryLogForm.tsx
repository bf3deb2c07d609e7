import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { FailureAnalysis } from '../../api/schemas';
import { KeyLines } from '../../components/classification/KeyLines';
import { PredictionHeadline } from '../../components/classification/PredictionHeadline';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';

/** Paste a log, see what the active model makes of it; nothing is stored. */
export function TryLogForm() {
  const [log, setLog] = useState('');
  const [analysis, setAnalysis] = useState<FailureAnalysis | null>(null);
  const id = useId();
  const { busy, error, onSubmit } = useSubmit(async () => {
    setAnalysis(null);
    setAnalysis(await api.predict(log));
  });
  const errors = fieldErrors(error, 'log');

  return (
    <form className="card try-log" onSubmit={onSubmit} noValidate aria-label="Try a log">
      <h2>Try a log</h2>
      <div className={errors?.length ? 'field invalid' : 'field'}>
        <label htmlFor={id}>Paste a failed job’s log</label>
        <textarea id={id} rows={8} value={log} onChange={(e) => setLog(e.target.value)} spellCheck={false}
          aria-invalid={errors?.length ? true : undefined} placeholder="error[E0425]: cannot find value `x` in this scope" />
        {errors?.length ? <ul className="field-errors">{errors.map((message) => <li key={message}>{message}</li>)}</ul> : null}
      </div>
      <button className="button" type="submit" disabled={busy || !log.trim()}>{busy ? 'Classifying…' : 'Classify'}</button>
      <ProblemAlert error={error} />
      {analysis && (
        <div className="try-log-result" aria-label="Prediction" role="region">
          <PredictionHeadline analysis={analysis} />
          <KeyLines lines={analysis.keyLines} />
        </div>
      )}
    </form>
  );
}
