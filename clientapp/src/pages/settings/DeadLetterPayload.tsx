import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatJson } from '../../format';

/** What the provider sent for one dead letter: its content type and headers, and the payload, indented. */
export function DeadLetterPayload({ id }: { id: string }) {
  const { resource } = useResource((signal) => api.deadLetter(id, signal));
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the payload…</p>;
  if (resource.state === 'error') return <ProblemAlert error={resource.error} />;
  const { contentType, headers, payload } = resource.data;
  return (
    <div className="dead-letter-payload">
      <dl>
        <dt>Content type</dt><dd><code>{contentType ?? 'none'}</code></dd>
        {Object.entries(headers).map(([name, value]) => (
          <div key={name} className="dead-letter-header"><dt>{name}</dt><dd><code className="wrap">{value}</code></dd></div>
        ))}
      </dl>
      <pre aria-label="Payload">{formatJson(payload)}</pre>
    </div>
  );
}
