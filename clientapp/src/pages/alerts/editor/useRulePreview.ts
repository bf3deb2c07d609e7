import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { AlertPreview, AlertRuleDraft } from '../../../api/schemas';

export interface PreviewState {
  preview: AlertPreview | null;
  error: unknown;
  loading: boolean;
}

/** What the preview depends on: typing a name or picking a channel does not ask again. */
const previewKey = (draft: AlertRuleDraft) => JSON.stringify([draft.query, draft.condition, draft.windowMinutes, draft.forMinutes]);

/**
 * The server's preview of a draft, asked for `delayMs` after the draft stops changing; a newer draft
 * cancels the older request. The last preview stays on screen while the next loads.
 */
export function useRulePreview(draft: AlertRuleDraft | null, delayMs = 500): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, loading: false });
  const latest = useRef(draft);
  latest.current = draft;
  const key = draft ? previewKey(draft) : null;

  useEffect(() => {
    const current = latest.current;
    if (!key || !current) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      // The server checks a preview as it checks a rule; a rule not named yet must not fail it.
      api.previewAlertRule({ ...current, name: current.name || 'Preview' }, controller.signal).then(
        (preview) => setState({ preview, error: null, loading: false }),
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setState((previous) => ({ ...previous, error, loading: false }));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs]);

  return state;
}
