import type { AlertGroupState, AlertRule, MetricUnit } from '../../../api/schemas';
import { formatAgo } from '../../../format';
import { formatValue } from '../../dashboards/model/units';
import { StateBadge } from '../AlertBadges';
import { compareStates, groupName } from '../model/states';

const RECENT = 6;

interface Props {
  rule: AlertRule;
  unit: MetricUnit;
  /** Given to those who may acknowledge. */
  onAcknowledge?: ((group: string | null) => void) | undefined;
}

/** Each group's state, worst first, with its value now and the last few. */
export function GroupStates({ rule, unit, onAcknowledge }: Props) {
  if (rule.groups.length === 0) {
    return <p className="card muted">Not evaluated yet: rules are evaluated every minute, and within seconds of new data or a change to the rule.</p>;
  }
  const groups = [...rule.groups].sort((a, b) => compareStates(a.state, b.state) || groupName(a.group).localeCompare(groupName(b.group)));
  return (
    <div className="card table-card">
      <h2>{rule.query.groupBy ? `${groups.length} ${groups.length === 1 ? 'group' : 'groups'}` : 'State'}</h2>
      <table>
        <thead>
          <tr>
            <th>Group</th><th>State</th><th>Since</th><th>Value</th><th>Recent values</th><th>Last notified</th>
            {onAcknowledge && <th><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => <GroupRow key={group.group ?? ''} group={group} unit={unit} onAcknowledge={onAcknowledge} />)}
        </tbody>
      </table>
    </div>
  );
}

function GroupRow({ group, unit, onAcknowledge }: { group: AlertGroupState } & Omit<Props, 'rule'>) {
  const format = (value: number | null) => formatValue(value, unit);
  const acknowledged = group.acknowledgedAt
    ? `Acknowledged ${formatAgo(group.acknowledgedAt)}${group.acknowledgedBy ? ` by ${group.acknowledgedBy}` : ''}`
    : null;
  return (
    <tr>
      <td data-label="Group"><strong>{groupName(group.group)}</strong></td>
      <td data-label="State">
        <div className="badges">
          <StateBadge state={group.state} />
          {acknowledged && <span className="muted small">{acknowledged}</span>}
        </div>
      </td>
      <td data-label="Since">{formatAgo(group.since)}</td>
      <td data-label="Value" className="number">{format(group.value)}</td>
      <td data-label="Recent values"><span className="recent-values">{group.recentValues.slice(-RECENT).map(format).join(' · ') || '—'}</span></td>
      <td data-label="Last notified">{group.lastNotifiedAt ? formatAgo(group.lastNotifiedAt) : 'never'}</td>
      {onAcknowledge && (
        <td className="actions">
          {group.state === 'firing' && !group.acknowledgedAt && (
            <button type="button" className="button secondary small" onClick={() => onAcknowledge(group.group)}>Acknowledge</button>
          )}
        </td>
      )}
    </tr>
  );
}
