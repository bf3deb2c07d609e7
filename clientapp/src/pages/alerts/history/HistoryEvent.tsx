import type { AlertHistoryItem } from '../../../api/schemas';
import { OutcomeBadge, StateBadge } from '../AlertBadges';
import { KIND_LABELS } from '../model/history';
import { STATE_LABELS } from '../model/states';

/** What happened: the states left and entered, or where a notification or test went and how its delivery went. */
export function HistoryEvent({ item }: { item: AlertHistoryItem }) {
  if (item.kind === 'state') {
    return (
      <span className="badges">
        {item.fromState && <><StateBadge state={item.fromState} /><span aria-hidden="true">→</span><span className="sr-only">to</span></>}
        {item.toState && <StateBadge state={item.toState} />}
      </span>
    );
  }
  if (item.kind === 'delivery' || item.kind === 'test') {
    const about = item.kind === 'delivery' && item.toState ? ` (${STATE_LABELS[item.toState] ?? item.toState})` : '';
    return (
      <span className="badges">
        {item.outcome && <OutcomeBadge outcome={item.outcome} />}
        <span>
          {KIND_LABELS[item.kind]}{about} to {item.channelName ?? 'a deleted channel'}
          {item.attempt !== null && <span className="muted small"> · attempt {item.attempt}</span>}
        </span>
      </span>
    );
  }
  return <span>{KIND_LABELS[item.kind] ?? item.kind}</span>;
}
