import type { ApiKeyScope } from '../../api/schemas';

/** Ready-to-run shell commands against this Faultline, for the API keys and integrations pages. */

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/** One pipeline run and one job of it, as POST /api/v1/events takes them. */
export function firstEvents(now: Date, jobStatus: 'success' | 'failure') {
  const common = { provider: 'api', repository: 'acme/shop', pipeline: 'ci', branch: 'main' };
  return [
    { type: 'run', externalId: 'first-run', ...common, status: jobStatus, startedAt: minutesBefore(now, 5), finishedAt: now.toISOString() },
    {
      type: 'job', externalId: 'first-run-test', runExternalId: 'first-run', name: 'test', ...common, status: jobStatus,
      startedAt: minutesBefore(now, 4), finishedAt: now.toISOString(),
    },
  ];
}

const json = (value: unknown) => `'${JSON.stringify(value)}'`;

/** A first call with a key just created: the most useful one its scopes allow. */
export function firstRequest(baseUrl: string, key: string, scopes: readonly ApiKeyScope[], now = new Date()): string {
  const auth = `-H 'Authorization: Bearer ${key}'`;
  if (scopes.includes('ingest'))
    return `curl -sS -X POST '${baseUrl}/api/v1/events' ${auth} \\\n  -H 'Content-Type: application/json' \\\n  -d ${json(firstEvents(now, 'success'))}`;
  if (scopes.includes('read')) return `curl -sS '${baseUrl}/api/v1/runs?limit=5' ${auth}`;
  if (scopes.includes('predict'))
    return `curl -sS -X POST '${baseUrl}/api/v1/predict' ${auth} \\\n  -H 'Content-Type: application/json' \\\n  -d ${json({ log: 'npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd' })}`;
  return `curl -sS '${baseUrl}/api/v1/me' ${auth}`;
}

/** From nothing to a classified failure: a run, its failed job, and the job's log. */
export function firstEventsGuide(baseUrl: string, now = new Date()): string {
  return [
    `export FAULTLINE_URL='${baseUrl}'`,
    `export FAULTLINE_KEY='flt_…'   # a key with the ingest scope (Settings → API keys)`,
    '',
    '# 1. A run and its failed job, in one batch; the answer holds each stored item\'s id (jq picks the job\'s).',
    'JOB_ID=$(curl -sS -X POST "$FAULTLINE_URL/api/v1/events" -H "Authorization: Bearer $FAULTLINE_KEY" \\',
    `  -H 'Content-Type: application/json' -d ${json(firstEvents(now, 'failure'))} | jq '.items[1].id')`,
    '',
    '# 2. The failed job\'s log (plain text or gzip): Faultline classifies why it failed.',
    "printf '%s\\n' 'Compiling shop v0.1.0' 'error[E0425]: cannot find value `total` in this scope' |",
    '  curl -sS -X PUT "$FAULTLINE_URL/api/v1/jobs/$JOB_ID/log" -H "Authorization: Bearer $FAULTLINE_KEY" \\',
    "  -H 'Content-Type: text/plain' --data-binary @-",
  ].join('\n');
}
