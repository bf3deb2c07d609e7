import type { ProblemDetails, Readiness } from './types';

/** An API call that failed: the server's problem details, or a network failure described alike. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field name → messages, for forms. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is data, not an error (e.g. 503 from the readiness check). */
  dataStatuses?: number[];
}

/** Every call to the backend goes through here. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, dataStatuses = [] } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'Network error', detail: 'The Faultline server could not be reached.' });
  }

  const payload = await readJson(response);
  if (response.ok || dataStatuses.includes(response.status)) return payload as T;
  throw new ApiError(response.status, isProblem(payload) ? payload : { title: response.statusText, status: response.status });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && ('title' in value || 'detail' in value);
}

export const api = {
  readiness: (signal?: AbortSignal) =>
    request<Readiness>('/health/ready', { dataStatuses: [503], ...(signal ? { signal } : {}) }),
};
