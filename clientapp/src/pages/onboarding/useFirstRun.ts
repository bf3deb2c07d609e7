import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { RunSummary } from '../../api/schemas';

/** `afterWaiting`: the run arrived while this page was waiting for it (not already there when it opened). */
export type FirstRun =
  | { state: 'checking' } | { state: 'none' } | { state: 'arrived'; run: RunSummary; afterWaiting: boolean } | { state: 'error'; error: unknown };

/** Ingested events show within a second or two: asking every few seconds turns "waiting" green soon after the first arrives. */
export const FIRST_RUN_POLL_MS = 3000;

/** The organisation's newest run, asked again every few seconds while there is none (when `poll` is on). */
export function useFirstRun(poll: boolean): FirstRun {
  const [first, setFirst] = useState<FirstRun>({ state: 'checking' });
  const waiting = first.state === 'checking' || first.state === 'none';

  useEffect(() => {
    if (!waiting) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const page = await api.runs({}, null, controller.signal);
        const run = page.items[0];
        if (run) setFirst((previous) => ({ state: 'arrived', run, afterWaiting: previous.state === 'none' }));
        else {
          setFirst({ state: 'none' });
          if (poll) timer = setTimeout(() => void ask(), FIRST_RUN_POLL_MS);
        }
      } catch (error) {
        if (!controller.signal.aborted) setFirst({ state: 'error', error });
      }
    };
    void ask();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [poll, waiting]);

  return first;
}
