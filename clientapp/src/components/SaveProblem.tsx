import { ApiError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

/**
 * Why saving failed. Field errors with no form field to sit beside (a dashboard's "widgets[3].layout")
 * are listed here, where ProblemAlert would leave them out.
 */
export function SaveProblem({ error }: { error: unknown }) {
  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  if (fields.length === 0) return <ProblemAlert error={error} />;
  return (
    <div className="banner error" role="alert">
      <p>{(error as ApiError).message}</p>
      <ul className="problem-fields">
        {fields.map(([field, messages]) => <li key={field}><code>{field}</code>: {messages.join(' ')}</li>)}
      </ul>
    </div>
  );
}
