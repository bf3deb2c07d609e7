import { Fragment, useCallback, useState } from 'react';
import { api } from '../../api/client';
import type { DeadLetter } from '../../api/schemas';
import { useListPages } from '../../api/useListPages';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRowAction } from '../../components/useRowAction';
import { formatAgo, formatDateTime } from '../../format';
import { DeadLetterPayload } from './DeadLetterPayload';

const describe = (letter: DeadLetter) => `${letter.eventType} delivery${letter.deliveryId ? ` ${letter.deliveryId}` : ''}`;

/**
 * Deliveries a provider sent that Faultline could not store, kept as they came: why, how often, the payload,
 * and Replay (once the cause is fixed) or Discard. `onStored` hears of a replay that stored its delivery.
 */
export function UndeliveredDeliveries({ onStored }: { onStored: () => void }) {
  const load = useCallback((cursor: string | null, signal?: AbortSignal) => api.deadLetters(cursor, signal), []);
  const { items, state, error, more, reload } = useListPages<DeadLetter>(load);
  const [open, setOpen] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<string | null>(null);
  const [replayError, setReplayError] = useState<unknown>(null);
  const [stored, setStored] = useState<string | null>(null);
  const discarding = useRowAction(() => void reload());

  const replay = async (letter: DeadLetter) => {
    setReplaying(letter.id);
    setReplayError(null);
    setStored(null);
    try {
      await api.replayDeadLetter(letter.id);
      setStored(describe(letter));
      onStored();
    } catch (caught) {
      setReplayError(caught);
    } finally {
      setReplaying(null);
      // Stored, it is gone; refused again, it counts one more attempt and says why.
      void reload();
    }
  };
  const discard = (letter: DeadLetter) =>
    discarding.run(() => api.discardDeadLetter(letter.id), `Discard the ${describe(letter)}? Its runs and jobs will never be stored.`);

  return (
    <div className="card table-card" aria-labelledby="undelivered-title">
      <h2 id="undelivered-title">Deliveries Faultline could not store</h2>
      <p className="muted">
        Kept as they were received. Replay one once its cause is fixed; a redelivery from the provider is stored too.
      </p>
      <div className="table-notes">
        {stored && !replayError && <p className="banner ok" role="status">Stored the {stored}.</p>}
        <ProblemAlert error={replayError ?? discarding.error ?? error} />
      </div>
      {state === 'done' && items.length === 0 && <p className="muted">None: every delivery was stored.</p>}
      {items.length > 0 && (
        <table>
          <thead><tr><th>Hook</th><th>Event</th><th>Received</th><th>Reason</th><th>Attempts</th><th><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {items.map((letter) => (
              <Fragment key={letter.id}>
                <tr>
                  <td data-label="Hook">{letter.hookName ?? <span className="muted">deleted hook</span>}</td>
                  <td data-label="Event">
                    <code>{letter.eventType}</code>
                    {letter.deliveryId && <div className="muted delivery-id">delivery <code className="wrap">{letter.deliveryId}</code></div>}
                  </td>
                  <td data-label="Received"><time dateTime={letter.receivedAt} title={formatDateTime(letter.receivedAt)}>{formatAgo(letter.receivedAt)}</time></td>
                  <td data-label="Reason">{letter.reasons.join('; ')}</td>
                  <td data-label="Attempts">{letter.attempts}</td>
                  <td className="actions">
                    <button type="button" className="button secondary small" aria-expanded={open === letter.id}
                      onClick={() => setOpen(open === letter.id ? null : letter.id)}>Payload</button>{' '}
                    <button type="button" className="button small" disabled={replaying !== null} onClick={() => void replay(letter)}>
                      {replaying === letter.id ? 'Replaying…' : 'Replay'}
                    </button>{' '}
                    <button type="button" className="button danger small" onClick={() => void discard(letter)}>Discard</button>
                  </td>
                </tr>
                {open === letter.id && <tr><td colSpan={6}><DeadLetterPayload id={letter.id} /></td></tr>}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {state === 'loading' && <p className="muted" role="status">Loading…</p>}
      {more && <p><button type="button" className="button secondary small" onClick={() => void more()}>Load older deliveries</button></p>}
    </div>
  );
}
