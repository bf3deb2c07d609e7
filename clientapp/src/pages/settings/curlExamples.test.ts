import { describe, expect, it } from 'vitest';
import contract from '../../api/openapi.json';
import { firstEvents, firstEventsGuide, firstRequest } from './curlExamples';

const now = new Date('2026-03-02T10:00:00Z');
const eventFields = Object.keys(contract.components.schemas.EventItem.properties);
const operation = (method: string, path: string) => (contract.paths as Record<string, Record<string, unknown>>)[path]?.[method];
const bodyOf = (command: string) => JSON.parse(/-d '([^']*)'/.exec(command)![1]!) as Record<string, unknown>[];

describe('curl examples', () => {
  it('posts events whose every field is one the events endpoint takes', () => {
    expect(operation('post', '/api/v1/events')).toBeDefined();
    for (const event of firstEvents(now, 'failure')) for (const field of Object.keys(event)) expect(eventFields).toContain(field);
  });

  it('gives a new ingest key a ready-to-run events batch against this instance', () => {
    const command = firstRequest('https://ci.acme.test', 'flt_abc', ['ingest', 'read'], now);

    expect(command).toContain("'https://ci.acme.test/api/v1/events'");
    expect(command).toContain("-H 'Authorization: Bearer flt_abc'");
    expect(bodyOf(command).map((e) => e.type)).toEqual(['run', 'job']);
    expect(bodyOf(command)[1]).toMatchObject({ runExternalId: 'first-run', status: 'success', finishedAt: now.toISOString() });
  });

  it('picks what the key may do: list runs, predict, or say who it is', () => {
    expect(firstRequest('https://f.test', 'flt_r', ['read'])).toBe("curl -sS 'https://f.test/api/v1/runs?limit=5' -H 'Authorization: Bearer flt_r'");
    expect(firstRequest('https://f.test', 'flt_p', ['predict'])).toContain("-X POST 'https://f.test/api/v1/predict'");
    expect(firstRequest('https://f.test', 'flt_a', ['admin'])).toContain("'https://f.test/api/v1/me'");
    expect(operation('get', '/api/v1/runs')).toBeDefined();
    expect(operation('post', '/api/v1/predict')).toBeDefined();
  });

  it('guides from a run with a failed job to its uploaded log, on the real endpoints', () => {
    const guide = firstEventsGuide('https://ci.acme.test', now);

    expect(guide).toContain("export FAULTLINE_URL='https://ci.acme.test'");
    expect(guide).toContain('-X POST "$FAULTLINE_URL/api/v1/events"');
    expect(guide).toContain('-X PUT "$FAULTLINE_URL/api/v1/jobs/$JOB_ID/log"');
    expect(operation('put', '/api/v1/jobs/{jobId}/log')).toBeDefined();
    const [run, job] = bodyOf(guide);
    expect(run).toMatchObject({ type: 'run', status: 'failure' });
    // jq reads the job's id as the second item of the answer.
    expect(guide).toContain("jq '.items[1].id'");
    expect(job).toMatchObject({ type: 'job', status: 'failure', runExternalId: run!.externalId });
  });
});
