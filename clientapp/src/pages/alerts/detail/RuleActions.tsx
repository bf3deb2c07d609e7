import { useState } from 'react';
import { api } from '../../../api/client';
import type { AlertRule, ChannelDelivery } from '../../../api/schemas';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRowAction } from '../../../components/useRowAction';
import { DeliveryResults } from '../DeliveryResults';
import { formatUntil, mutedUntil } from '../model/states';

const MUTES = [{ minutes: 60, label: '1 h' }, { minutes: 240, label: '4 h' }, { minutes: 1440, label: '24 h' }];

/** Mute or unmute, acknowledge what fires, and send a test notification to the rule's channels. */
export function RuleActions({ rule, onChanged }: { rule: AlertRule; onChanged: () => void }) {
  const action = useRowAction(onChanged);
  const [deliveries, setDeliveries] = useState<ChannelDelivery[] | null>(null);
  const [testing, setTesting] = useState(false);
  const muted = mutedUntil(rule);
  const unacknowledged = rule.groups.some((group) => group.state === 'firing' && !group.acknowledgedAt);

  const sendTest = () => action.run(async () => {
    setTesting(true);
    setDeliveries(null);
    try {
      setDeliveries((await api.testAlertRule(rule.id)).deliveries);
    } finally {
      setTesting(false);
    }
  });

  return (
    <div className="card rule-actions">
      <div className="action-row">
        <div className="button-group" role="group" aria-label="Mute notifications">
          {muted ? (
            <>
              <span className="muted small">Nothing is sent until {formatUntil(muted)}; states still change.</span>
              <button type="button" className="button secondary small" onClick={() => void action.run(() => api.muteAlertRule(rule.id, 0))}>Unmute</button>
            </>
          ) : (
            MUTES.map(({ minutes, label }) => (
              <button key={minutes} type="button" className="button secondary small" onClick={() => void action.run(() => api.muteAlertRule(rule.id, minutes))}>
                Mute {label}
              </button>
            ))
          )}
        </div>
        {unacknowledged && (
          <button type="button" className="button small" onClick={() => void action.run(() => api.acknowledgeAlert(rule.id, null))}>Acknowledge all firing</button>
        )}
        {rule.channelIds.length > 0 ? (
          <button type="button" className="button secondary small" disabled={testing} onClick={() => void sendTest()}>
            {testing ? 'Sending…' : 'Send test notification'}
          </button>
        ) : (
          <span className="muted small">No channels: edit the rule to choose whom to tell.</span>
        )}
      </div>
      <ProblemAlert error={action.error} />
      {deliveries && <DeliveryResults deliveries={deliveries} />}
    </div>
  );
}
