import { useState } from 'react';
import { api } from '../../api/client';
import type { CreatedApiKey, CreatedWebhook, WebhookProvider } from '../../api/schemas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../session/SessionProvider';
import { firstRequest } from '../settings/curlExamples';
import { WebhookSetup } from '../settings/WebhookSetup';

export type Source = WebhookProvider | 'api';

export const SOURCES: { value: Source; label: string }[] = [
  { value: 'github', label: 'GitHub Actions' },
  { value: 'gitlab', label: 'GitLab CI' },
  { value: 'jenkins', label: 'Jenkins' },
  { value: 'api', label: 'Any CI (API)' },
];

/** Step 2: what the chosen source needs — a webhook's URL and secret with the provider's steps, or a key and a curl to paste. */
export function ConnectProvider({ source }: { source: Source }) {
  const { can } = useSession();
  const [hook, setHook] = useState<CreatedWebhook | null>(null);
  const [key, setKey] = useState<CreatedApiKey | null>(null);
  const label = SOURCES.find((s) => s.value === source)?.label ?? source;
  const { busy, error, onSubmit } = useSubmit(async () => {
    if (source === 'api') setKey(await api.createApiKey('Getting started', ['ingest']));
    else setHook(await api.createWebhook(source, `${label} (getting started)`));
  });

  if (!can('apikeys:manage')) {
    return <p className="muted">Connecting a provider needs an admin of this organisation: ask one to open this page, or Integrations.</p>;
  }
  if (source !== 'api' && hook?.hook.provider === source) {
    return (
      <div className="connect-result">
        <Secret label="Webhook URL" value={hook.hook.url} />
        <Secret label="Secret (shown once)" value={hook.secret} />
        <WebhookSetup hook={hook.hook} />
      </div>
    );
  }
  if (source === 'api' && key) {
    return (
      <div className="connect-result">
        <p>Run this where your CI runs (the key is shown once; it can only send events):</p>
        <pre className="command" aria-label="First request">{firstRequest(window.location.origin, key.key, key.scopes)}</pre>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => void onSubmit(event)}>
      <button className="button" type="submit" disabled={busy}>
        {busy ? 'Creating…' : source === 'api' ? 'Create a key for sending events' : `Create the ${label} webhook`}
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}

function Secret({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(value);
    setCopied(true);
  };
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <div className="secret">
        <code>{value}</code>
        <button type="button" className="button secondary small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
    </div>
  );
}
