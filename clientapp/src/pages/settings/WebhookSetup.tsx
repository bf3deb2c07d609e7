import type { Webhook } from '../../api/schemas';

/** How to point each provider at a new hook. */
export function WebhookSetup({ hook }: { hook: Webhook }) {
  switch (hook.provider) {
    case 'github':
      return (
        <ol className="setup">
          <li>In the repository or organisation: <strong>Settings → Webhooks → Add webhook</strong>.</li>
          <li>Payload URL: <code>{hook.url}</code>, content type <code>application/json</code> (or <code>application/x-www-form-urlencoded</code>), and the secret above.</li>
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
        <ol className="setup">
          <li>In Jenkins, add a <em>Secret text</em> credential holding the secret above, with the id <code>faultline-hook-secret</code>.</li>
          <li>
            Under <strong>Manage Jenkins → System → Global Pipeline Libraries</strong>, add Faultline&apos;s library (the{' '}
            <code>integrations/jenkins</code> folder of the Faultline repository) as <code>faultline</code>, loaded implicitly.
          </li>
          <li>
            End each Jenkinsfile&apos;s pipeline with:
            <pre>{`post {
  always {
    faultlineNotify(url: '${hook.url}',
                    credentialsId: 'faultline-hook-secret')
  }
}`}</pre>
          </li>
          <li>
            The agent needs <code>curl</code>, <code>openssl</code> and <code>jq</code>. Where anonymous users cannot read builds, add{' '}
            <code>jenkinsCredentialsId:</code> a credential with a Jenkins user and its API token. Each build then arrives with its stages and the
            logs of failed stages.
          </li>
        </ol>
      );
  }
}
