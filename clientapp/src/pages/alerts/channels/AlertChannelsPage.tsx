import { useState } from 'react';
import { api } from '../../../api/client';
import type { AlertChannel, ChannelDelivery, CreatedAlertChannel } from '../../../api/schemas';
import { useResource } from '../../../api/useResource';
import { CopyOnceDialog } from '../../../components/CopyOnceDialog';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRowAction } from '../../../components/useRowAction';
import { useSession } from '../../../session/SessionProvider';
import { AlertsHeader } from '../AlertsHeader';
import { DeliveryResults } from '../DeliveryResults';
import { CHANNEL_KIND_LABELS } from '../model/channels';
import { ChannelHealthSummary } from './ChannelHealthSummary';
import { CreateChannelForm } from './CreateChannelForm';

export function AlertChannelsPage() {
  const { can } = useSession();
  const canManage = can('alerts:manage');
  const channels = useResource((signal) => api.alertChannels(signal));
  const [secretOf, setSecretOf] = useState<CreatedAlertChannel | null>(null);
  const [tests, setTests] = useState<Record<string, ChannelDelivery[]>>({});
  const [testing, setTesting] = useState<string | null>(null);
  const action = useRowAction(channels.refresh);

  const test = (channel: AlertChannel) => action.run(async () => {
    setTesting(channel.id);
    try {
      const { deliveries } = await api.testAlertChannel(channel.id);
      setTests((current) => ({ ...current, [channel.id]: deliveries }));
    } finally {
      setTesting(null);
    }
  });
  const remove = (channel: AlertChannel) =>
    action.run(() => api.deleteAlertChannel(channel.id), `Delete the channel "${channel.name}"? Rules that use it stop notifying it.`);
  const created = (channel: CreatedAlertChannel) => {
    if (channel.signingSecret) setSecretOf(channel);
    channels.refresh();
  };

  return (
    <section className="page">
      <AlertsHeader title="Alert channels" lead="Where rules send their notifications: Slack, e-mail, or your own receiver through a signed webhook." />
      {canManage && <CreateChannelForm onCreated={created} />}
      {secretOf?.signingSecret && (
        <CopyOnceDialog title={`Signing secret of ${secretOf.name}`} secret={secretOf.signingSecret} onClose={() => setSecretOf(null)}>
          <p className="small">
            Every delivery carries <code>Faultline-Timestamp</code> and <code>Faultline-Signature: v1=…</code>, the hex HMAC-SHA256 of
            {' '}<code>timestamp.body</code> with this secret. Check it, and refuse timestamps more than 5 minutes old.
          </p>
        </CopyOnceDialog>
      )}
      <ProblemAlert error={action.error} />
      <div className="card table-card">
        {channels.resource.state === 'loading' && <p className="muted" role="status">Loading channels…</p>}
        {channels.resource.state === 'error' && <ProblemAlert error={channels.resource.error} />}
        {channels.resource.data?.length === 0 && <p className="muted">No channels yet. Rules without channels show their state here only.</p>}
        {!!channels.resource.data?.length && (
          <table>
            <thead><tr><th>Name</th><th>Kind</th><th>Delivers to</th><th>Health</th>{canManage && <th><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>
              {channels.resource.data.map((channel) => (
                <tr key={channel.id}>
                  <td data-label="Name"><strong>{channel.name}</strong></td>
                  <td data-label="Kind">{CHANNEL_KIND_LABELS[channel.kind] ?? channel.kind}</td>
                  <td data-label="Delivers to"><code className="wrap">{channel.target}</code></td>
                  <td data-label="Health">
                    <div className="health">
                      <ChannelHealthSummary health={channel.health} />
                      {tests[channel.id] && <DeliveryResults deliveries={tests[channel.id] ?? []} />}
                    </div>
                  </td>
                  {canManage && (
                    <td className="actions">
                      <div className="button-group">
                        <button type="button" className="button secondary small" disabled={testing === channel.id} onClick={() => void test(channel)}>
                          {testing === channel.id ? 'Sending…' : 'Test'}
                        </button>
                        <button type="button" className="button danger small" onClick={() => void remove(channel)}>Delete</button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
