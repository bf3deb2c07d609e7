import { useState } from 'react';

/**
 * A row's action in a list (delete, revoke, change a role): asks first when given a question, then
 * reloads the list; a failure is kept for the page's ProblemAlert instead of being lost.
 */
export function useRowAction(refresh: () => void) {
  const [error, setError] = useState<unknown>(null);

  const run = async (action: () => Promise<unknown>, confirmQuestion?: string) => {
    if (confirmQuestion && !window.confirm(confirmQuestion)) return;
    setError(null);
    try {
      await action();
      refresh();
    } catch (caught) {
      setError(caught);
    }
  };

  return { error, run };
}
