import type { JobClassification, KeyLine } from '../../../api/schemas';
import { categoryLabel } from '../../../components/classification/categories';
import { KeyLines } from '../../../components/classification/KeyLines';
import { PredictionHeadline } from '../../../components/classification/PredictionHeadline';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useSession } from '../../../session/SessionProvider';
import { CorrectCategoryForm } from './CorrectCategoryForm';
import { ModelComparison } from './ModelComparison';
import type { ClassificationState } from './useJobClassification';

interface Props {
  state: ClassificationState;
  jobId: number;
  /** Whether the job has a log: without one it is never classified, and nothing is shown. */
  hasLog: boolean;
  /** Shows a key line, and its block, in the log. */
  onJump: (line: KeyLine) => void;
  onReload: () => void;
}

/** "Why it failed": the classifier's verdict on a failed job, the lines that show it, and a way to correct it. */
export function FailurePanel({ state, jobId, hasLog, onJump, onReload }: Props) {
  switch (state.status) {
    case 'loading':
      return <p className="muted" role="status">Loading why it failed…</p>;
    case 'pending':
      return (
        <section className="card failure-panel" aria-label="Why it failed">
          <p className="classifying" role="status"><span className="spinner" aria-hidden="true" />Classifying…</p>
        </section>
      );
    case 'absent':
      if (!hasLog) return null;
      return (
        <section className="card failure-panel" aria-label="Why it failed">
          <p className="muted">This failure has not been classified yet.{' '}
            <button type="button" className="button secondary small" onClick={onReload}>Check again</button>
          </p>
        </section>
      );
    case 'error':
      return <ProblemAlert error={state.error} />;
    case 'ready':
      return <Verdict classification={state.classification} jobId={jobId} onJump={onJump} onReload={onReload} />;
  }
}

function Verdict({ classification, jobId, onJump, onReload }: { classification: JobClassification; jobId: number; onJump: (line: KeyLine) => void; onReload: () => void }) {
  const { can } = useSession();
  const corrected = classification.source === 'feedback';
  return (
    <section className="card failure-panel" aria-labelledby="why-it-failed">
      <h2 id="why-it-failed">Why it failed</h2>
      <PredictionHeadline analysis={classification} byPerson={corrected} note={corrected && (
        <p className="corrected-note small">
          {classification.predictedCategory === classification.category
            ? 'Confirmed by a person.'
            : <>Corrected by a person{classification.predictedCategory
              ? <> — the model had said <strong>{categoryLabel(classification.predictedCategory)}</strong>.</> : '.'}</>}
        </p>
      )} />
      <KeyLines lines={classification.keyLines} onJump={onJump} />
      <ModelComparison predictions={classification.predictions} />
      {can('data:predict') && <CorrectCategoryForm jobId={jobId} current={classification.category} onSaved={onReload} />}
    </section>
  );
}
