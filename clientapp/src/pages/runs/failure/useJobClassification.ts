import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client';
import type { JobClassification } from '../../../api/schemas';

export type ClassificationState =
  | { status: 'loading' }
  /** Not classified yet, still asking: the background classifier takes a few seconds. */
  | { status: 'pending' }
  /** Not classified, and no longer asking (or never asked: the job did not fail). */
  | { status: 'absent' }
  | { status: 'ready'; classification: JobClassification }
  | { status: 'error'; error: ApiError };

interface Options {
  /** Whether to ask at all: only failed jobs are classified. */
  enabled: boolean;
  /** Whether to ask again while there is no classification: failed jobs with a log get one within seconds. */
  poll: boolean;
  intervalMs?: number;
  maxWaitMs?: number;
}

/** A job's classification, asked for again every 2 s for up to 30 s while the classifier has not got to it. */
export function useJobClassification(jobId: string, { enabled, poll, intervalMs = 2000, maxWaitMs = 30_000 }: Options) {
  const [state, setState] = useState<ClassificationState>(enabled ? { status: 'loading' } : { status: 'absent' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled) {
      setState({ status: 'absent' });
      return;
    }
    const controller = new AbortController();
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      try {
        const classification = await api.jobClassification(jobId, controller.signal);
        if (!controller.signal.aborted) setState({ status: 'ready', classification });
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          if (poll && Date.now() - started + intervalMs <= maxWaitMs) {
            setState({ status: 'pending' });
            timer = setTimeout(() => void attempt(), intervalMs);
          } else {
            setState({ status: 'absent' });
          }
          return;
        }
        setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, { title: 'Unexpected error', detail: String(error) }) });
      }
    };
    void attempt();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, enabled, poll, intervalMs, maxWaitMs, generation]);

  /** Asks again, keeping what is shown until the answer comes (after a correction, or "Check again"). */
  const reload = () => setGeneration((n) => n + 1);
  return { state, reload };
}
