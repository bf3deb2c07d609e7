import { useId, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { TenantSettings } from '../../api/schemas';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { formatInstant } from '../../format';
import { useSession } from '../../session/SessionProvider';

interface Props {
  settings: TenantSettings;
}

/** Name, time zone and runner price; saving applies the zone to every screen at once. */
export function OrganisationSettingsForm({ settings }: Props) {
  const { refresh } = useSession();
  const [name, setName] = useState(settings.organisationName);
  const [zone, setZone] = useState(settings.timeZone);
  const [price, setPrice] = useState(String(settings.runnerMinutePrice));
  const [saved, setSaved] = useState(false);
  const zonesId = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const { busy, error, onSubmit } = useSubmit(async () => {
    setSaved(false);
    await api.saveSettings({ organisationName: name, timeZone: zone, runnerMinutePrice: price.trim() === '' ? null : Number(price) });
    await refresh();
    setSaved(true);
  });
  const edited = (apply: () => void) => {
    apply();
    setSaved(false);
  };

  return (
    <form className="card settings-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Organisation settings">
      <FormField label="Organisation name" value={name} maxLength={120} autoComplete="organization" errors={fieldErrors(error, 'organisationName')}
        onChange={(e) => edited(() => setName(e.target.value))} />
      <FormField label="Time zone" value={zone} list={zonesId} autoComplete="off" spellCheck={false} errors={fieldErrors(error, 'timeZone')}
        hint={zoneHint(zone)} onChange={(e) => edited(() => setZone(e.target.value))} />
      <datalist id={zonesId}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
      <FormField label="Price of a runner minute (USD)" type="number" min={0} max={1} step="any" inputMode="decimal" value={price}
        errors={fieldErrors(error, 'runnerMinutePrice')}
        hint="What “Cost of failures” multiplies runner minutes by; GitHub’s Linux runners cost 0.008."
        onChange={(e) => edited(() => setPrice(e.target.value))} />
      <button className="button" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
      <div className="form-status" aria-live="polite">
        <ProblemAlert error={error} />
        {saved && !error && <p className="banner ok" role="status">Saved. Days on dashboards, alerts and reports now start at midnight in {zone}.</p>}
      </div>
    </form>
  );
}

/** "Days start at midnight here; it is now 16:30 there." for a zone the browser knows. */
function zoneHint(zone: string): string {
  try {
    const now = formatInstant(Date.now(), { timeStyle: 'short', timeZone: zone });
    return `Days on dashboards, alerts and reports start at midnight here; it is ${now} there now.`;
  } catch {
    return 'An IANA zone such as Europe/Berlin or America/Los_Angeles.';
  }
}
