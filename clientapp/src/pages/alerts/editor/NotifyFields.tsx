import { Link } from 'react-router-dom';
import type { AlertChannel, AlertSeverity, ErrorHandling, NoDataHandling } from '../../../api/schemas';
import type { Resource } from '../../../api/useResource';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { SelectField } from '../../../components/SelectField';
import { RENOTIFY_MINUTES, minuteOptions } from '../model/durations';
import { CHANNEL_KIND_LABELS } from '../model/channels';
import { ERROR_OPTIONS, NO_DATA_OPTIONS, SEVERITY_OPTIONS } from '../model/options';
import type { SectionProps } from './section';

export function NotifyFields({ form, errorsAt, onChange, channels }: SectionProps & { channels: Resource<AlertChannel[]> }) {
  const renotify = [{ value: '', label: 'Never' }, ...minuteOptions(RENOTIFY_MINUTES, form.renotifyMinutes).map((o) => ({ ...o, label: `Every ${o.label}` }))];
  return (
    <section className="card form-section" aria-labelledby="rule-notify-title">
      <h2 id="rule-notify-title">Notifications</h2>
      <div className="form-grid">
        <SelectField label="Severity" value={form.severity} options={SEVERITY_OPTIONS} errors={errorsAt('severity')}
          onChange={(e) => onChange({ severity: e.target.value as AlertSeverity })} />
        <SelectField label="Remind while firing" value={form.renotifyMinutes === null ? '' : String(form.renotifyMinutes)} options={renotify}
          errors={errorsAt('renotifyMinutes')} onChange={(e) => onChange({ renotifyMinutes: e.target.value ? Number(e.target.value) : null })} />
        <SelectField label="When there is no data" value={form.noDataState} options={NO_DATA_OPTIONS} errors={errorsAt('noDataState')}
          onChange={(e) => onChange({ noDataState: e.target.value as NoDataHandling })} />
        <SelectField label="When evaluation fails" value={form.errorState} options={ERROR_OPTIONS} errors={errorsAt('errorState')}
          onChange={(e) => onChange({ errorState: e.target.value as ErrorHandling })} />
      </div>
      <ChannelPicker channels={channels} chosen={form.channelIds} errors={errorsAt('channelIds')} onChange={(channelIds) => onChange({ channelIds })} />
    </section>
  );
}

interface PickerProps {
  channels: Resource<AlertChannel[]>;
  chosen: string[];
  errors: string[] | undefined;
  onChange: (ids: string[]) => void;
}

function ChannelPicker({ channels, chosen, errors, onChange }: PickerProps) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <fieldset className="choices">
      <legend>Send to</legend>
      {channels.state === 'loading' && <p className="muted small" role="status">Loading channels…</p>}
      {channels.state === 'error' && <ProblemAlert error={channels.error} />}
      {channels.data?.length === 0 && (
        <p className="muted small">No channels yet: <Link to="/alerts/channels">add one</Link>. Without channels the rule's state shows only here.</p>
      )}
      {channels.data?.map((channel) => (
        <label key={channel.id} className="check">
          <input type="checkbox" checked={chosen.includes(channel.id)} onChange={() => toggle(channel.id)} />
          <span><strong>{channel.name}</strong> <span className="muted">— {CHANNEL_KIND_LABELS[channel.kind] ?? channel.kind}, {channel.target}</span></span>
        </label>
      ))}
      {errors?.map((message) => <p key={message} className="field-errors">{message}</p>)}
    </fieldset>
  );
}
