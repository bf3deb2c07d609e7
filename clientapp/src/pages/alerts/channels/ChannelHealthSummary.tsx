import type { ChannelHealth } from '../../../api/schemas';
import { formatAgo } from '../../../format';
import { OkBadge } from '../AlertBadges';

/** How the channel's deliveries have gone: the last one, failures over a day, and what waits for a retry. */
export function ChannelHealthSummary({ health }: { health: ChannelHealth }) {
  if (!health.lastAttemptAt) return <span className="muted">No deliveries yet</span>;
  return (
    <div className="health">
      <span className="badges">
        <OkBadge ok={!!health.lastOk} yes="OK" no="Failing" />
        <span className="muted small">last delivery {formatAgo(health.lastAttemptAt)}</span>
      </span>
      {!health.lastOk && health.lastError && <span className="delivery-error">{health.lastError}</span>}
      {(health.failedLast24h > 0 || health.pending > 0) && (
        <span className="small">
          {health.failedLast24h > 0 && <span className="bad-text">{health.failedLast24h} failed in 24 h</span>}
          {health.failedLast24h > 0 && health.pending > 0 && ' · '}
          {health.pending > 0 && <span>{health.pending} pending</span>}
        </span>
      )}
    </div>
  );
}
