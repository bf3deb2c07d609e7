import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, forgetAntiforgeryToken, request } from './client';

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

function respond(status: number, body: unknown, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(text, { status, headers: { 'Content-Type': contentType } }));
}

afterEach(() => {
  vi.restoreAllMocks();
  forgetAntiforgeryToken();
});

function json(status: number, body: unknown, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

describe('request', () => {
  it('returns the parsed body of a success', async () => {
    respond(200, { hello: 'world' });
    await expect(request<{ hello: string }>('/api/v1/thing')).resolves.toEqual({ hello: 'world' });
  });

  it('sends JSON bodies with a content type and the antiforgery token', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json(200, { token: 'csrf-1' }))
      .mockResolvedValueOnce(json(201, { id: 1 }));
    await request('/api/v1/things', { method: 'POST', body: { name: 'x' } });
    const [path, init] = fetchSpy.mock.calls[1]!;
    expect(path).toBe('/api/v1/things');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"x"}');
    const headers = init?.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-CSRF-TOKEN']).toBe('csrf-1');
  });

  it('fetches the antiforgery token once for many writes', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation((input) =>
      Promise.resolve(urlOf(input).endsWith('/antiforgery') ? json(200, { token: 'csrf-1' }) : new Response(null, { status: 204 })));
    await request('/api/v1/a', { method: 'DELETE' });
    await request('/api/v1/b', { method: 'DELETE' });
    expect(fetchSpy.mock.calls.filter(([input]) => urlOf(input).endsWith('/antiforgery'))).toHaveLength(1);
  });

  it('fetches a fresh token and retries once when the session changed under it', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json(200, { token: 'stale' }))
      .mockResolvedValueOnce(json(400, { type: 'https://faultline.dev/problems/antiforgery', title: 'Missing antiforgery token' }, 'application/problem+json'))
      .mockResolvedValueOnce(json(200, { token: 'fresh' }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await request('/api/v1/things/1', { method: 'DELETE' });
    expect((fetchSpy.mock.calls[3]![1]?.headers as Record<string, string>)['X-CSRF-TOKEN']).toBe('fresh');
  });

  it('turns a problem response into an ApiError with its detail and field errors', async () => {
    respond(400, { title: 'One or more fields are invalid.', status: 400, errors: { key: ['Key is required.'] } }, 'application/problem+json');
    const error = await request('/api/v1/things').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldErrors).toEqual({ key: ['Key is required.'] });
    expect((error as ApiError).message).toBe('One or more fields are invalid.');
  });

  it('describes a non-JSON error by its status', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html');
    const error = (await request('/api/v1/things').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await request('/api/v1/things').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('api.readiness', () => {
  it('treats a 503 readiness report as data, not an error', async () => {
    const report = { status: 'not_ready', checks: [{ name: 'redis', healthy: false, durationMs: 3, problem: 'down' }] };
    respond(503, report);
    await expect(api.readiness()).resolves.toEqual(report);
  });
});

describe('api.dashboardData', () => {
  it('sends the range and set filters only, and reads X-Cache', async () => {
    const body = { dashboardId: 'd1', from: 'a', to: 'b', widgets: [] };
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', 'X-Cache': 'partial' } }));
    const loaded = await api.dashboardData('d1', { from: '2026-11-15T00:00:00Z', to: '2026-11-22T00:00:00Z', branch: 'main', job: '' });
    expect(fetchSpy.mock.calls[0]![0]).toBe('/api/v1/dashboards/d1/data?from=2026-11-15T00%3A00%3A00Z&to=2026-11-22T00%3A00%3A00Z&branch=main');
    expect(loaded).toEqual({ data: body, cache: 'partial' });
  });

  it('has no cache status when the header is missing', async () => {
    respond(200, { dashboardId: 'd1', from: 'a', to: 'b', widgets: [] });
    expect((await api.dashboardData('d1', { from: 'a', to: 'b' })).cache).toBeNull();
  });
});

describe('alert templates', () => {
  it('are the rule drafts they start, named by the template', async () => {
    const rule = {
      name: 'Failure rate above 20%', description: 'A fifth failed.', enabled: true, query: { metric: 'failure_rate' },
      condition: { kind: 'above', threshold: 0.2, upper: null, recoveryThreshold: 0.15 }, windowMinutes: 60, forMinutes: 5,
      severity: 'warning', noDataState: 'ok', errorState: 'error', renotifyMinutes: null, channelIds: [],
    };
    respond(200, [{ id: 'failure-rate-hour', name: 'Failure rate above 20% over an hour', description: 'More than a fifth.', rule }]);
    const [template] = await api.alertTemplates();
    expect(template).toEqual({ ...rule, id: 'failure-rate-hour', name: 'Failure rate above 20% over an hour', description: 'More than a fifth.' });
  });
});
