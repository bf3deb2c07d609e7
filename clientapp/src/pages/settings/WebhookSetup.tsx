import type { Webhook } from '../../api/schemas';

/** How to point each provider at a new hook. */
export function WebhookSetup({ hook }: { hook: Webhook }) {
  switch (hook.provider) {
    case 'github':
      return (
        <ol className="setup">
          <li>In the repository or organisation: <strong>Settings → Webhooks → Add webhook</strong>.</li>
          <li>Payload URL: <code>{hook.url}</code>, content type <code>application/json</code>, and the secret above.</li>
          <li>Choose <strong>Let me select individual events</strong>: tick <em>Workflow runs</em> and <em>Workflow jobs</em>.</li>
        </ol>
      );
    case 'gitlab':
      return (
        <ol className="setup">
          <li>In the project or group: <strong>Settings → Webhooks → Add new webhook</strong>.</li>
          <li>URL: <code>{hook.url}</code>; Secret token: the secret above.</li>
          <li>Trigger: <em>Pipeline events</em> and <em>Job events</em>.</li>
        </ol>
      );
    default:
      return (
        <div className="setup">
          <p>Jenkins has no build webhook of its own; add this to the pipeline's <code>post {'{ always { … } }'}</code> (the secret in a credential):</p>
          <pre>{`BODY=$(jq -n --arg job "$JOB_NAME" --argjson build $BUILD_NUMBER --arg status "$currentBuild.currentResult" \\
  '{job: $job, build: $build, repository: "acme/api", branch: env.BRANCH_NAME, phase: "COMPLETED", status: $status}')
curl -sS -X POST '${hook.url}' -H 'Content-Type: application/json' \\
  -H "X-Faultline-Signature: sha256=$(printf %s "$BODY" | openssl dgst -sha256 -hmac "$FAULTLINE_SECRET" | cut -d' ' -f2)" \\
  -d "$BODY"`}</pre>
        </div>
      );
  }
}
