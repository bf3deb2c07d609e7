import type { ChannelDelivery } from '../../api/schemas';
import { OkBadge } from './AlertBadges';
import { CHANNEL_KIND_LABELS } from './model/channels';

/** What each channel answered to a test message. */
export function DeliveryResults({ deliveries }: { deliveries: ChannelDelivery[] }) {
  if (deliveries.length === 0) return <p className="muted small" role="status">No channel to send to: add channels to the rule first.</p>;
  return (
    <div role="status" aria-label="Test results">
      <ul className="deliveries">
        {deliveries.map((delivery) => (
          <li key={delivery.channelId}>
            <OkBadge ok={delivery.ok} yes="Delivered" no="Failed" />
            <strong>{delivery.channelName}</strong>
            <span className="muted small">
              {CHANNEL_KIND_LABELS[delivery.kind] ?? delivery.kind}
              {delivery.status !== null ? ` · HTTP ${delivery.status}` : ''} · {Math.round(delivery.durationMs)} ms
            </span>
            {delivery.error && <span className="delivery-error">{delivery.error}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
