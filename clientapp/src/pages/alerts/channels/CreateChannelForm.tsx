import { useState } from 'react';
import { api } from '../../../api/client';
import type { ChannelKind, CreatedAlertChannel } from '../../../api/schemas';
import { FormField } from '../../../components/FormField';
import { ProblemAlert, fieldErrors, fieldErrorsUnder } from '../../../components/ProblemAlert';
import { SelectField } from '../../../components/SelectField';
import { useSubmit } from '../../../components/useSubmit';
import { CHANNEL_KIND_LABELS, newChannel } from '../model/channels';

const KINDS = Object.entries(CHANNEL_KIND_LABELS).map(([value, label]) => ({ value, label }));

const URL_FIELDS: Record<Exclude<ChannelKind, 'email'>, { label: string; placeholder: string }> = {
  slack: { label: 'Slack webhook URL', placeholder: 'https://hooks.slack.com/services/…' },
  webhook: { label: 'Webhook URL', placeholder: 'https://hooks.example.com/faultline' },
};

/** A Slack incoming webhook, e-mail recipients, or a signed webhook. */
export function CreateChannelForm({ onCreated }: { onCreated: (channel: CreatedAlertChannel) => void }) {
  const [kind, setKind] = useState<ChannelKind>('slack');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [recipients, setRecipients] = useState('');
  const { busy, error, onSubmit } = useSubmit(async () => {
    onCreated(await api.createAlertChannel(newChannel(kind, name, url, recipients)));
    setName('');
    setUrl('');
    setRecipients('');
  });

  return (
    <form className="card inline-form" onSubmit={onSubmit} noValidate aria-label="Add a channel">
      <h2 className="form-title">New channel</h2>
      <FormField label="Name" placeholder={kind === 'email' ? 'e.g. On-call' : 'e.g. #ci-alerts'} value={name}
        onChange={(e) => setName(e.target.value)} errors={fieldErrors(error, 'name')} />
      <SelectField label="Kind" value={kind} options={KINDS} errors={fieldErrors(error, 'kind')} onChange={(e) => setKind(e.target.value as ChannelKind)} />
      {kind === 'email' ? (
        <FormField label="Recipients" type="text" inputMode="email" placeholder="oncall@example.com, lead@example.com" value={recipients}
          hint="Separate addresses with commas." onChange={(e) => setRecipients(e.target.value)} errors={fieldErrorsUnder(error, 'recipients')} />
      ) : (
        <FormField label={URL_FIELDS[kind].label} type="url" inputMode="url" placeholder={URL_FIELDS[kind].placeholder} value={url}
          onChange={(e) => setUrl(e.target.value)} errors={fieldErrors(error, 'url')} />
      )}
      <button className="button" type="submit" disabled={busy || !name.trim()}>{busy ? 'Adding…' : 'Add channel'}</button>
      <div className="form-status"><ProblemAlert error={error} /></div>
    </form>
  );
}
