import type {
  AlertChannel, AlertHistoryFilters, AlertHistoryPage, AlertPreview, AlertRule, AlertRuleDraft, AlertTemplateResponse, AlertTestResult, ApiKey,
  ApiKeyScope, AssignedModels, AuditPage, CreatedAlertChannel, CreatedApiKey, CreatedWebhook, Dashboard, DashboardBody, DashboardChanges,
  DashboardData, DashboardDataQuery, DashboardExportQuery, DashboardSummary, DashboardTemplate, DeadLetterDetail, FailureAnalysis, Feedback, Invitation, InvitationPreview,
  JobClassification, JobDetail, Member, MetricDefinition, ModelAssignment, ModelList, NewAlertChannel,
  ProblemDetails, Readiness, ReportCadence, ReportDraft, ReportNextRuns, ReportRun, ReportSchedule, Role, RunDetail, RunFilters, SessionState,
  TenantModel, TenantModelList, TenantSettings, TenantSettingsChange, Webhook, WebhookChanges, WebhookOutcome, WebhookProvider,
} from './schemas';
import type { components } from './openapi';

/** X-Cache of the dashboard data response: whether every widget, some, or none came from the cache. */
export type CacheStatus = 'hit' | 'miss' | 'partial';

export interface LoadedDashboardData {
  data: DashboardData;
  cache: CacheStatus | null;
}

/** A template as the pages use it: the rule draft itself, named by `id`. */
export type AlertTemplate = AlertRuleDraft & { id?: string };

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is data, not an error (e.g. 503 from the readiness check). */
  dataStatuses?: number[];
  /** Read the body as text instead of JSON (logs). */
  text?: boolean;
  /** Read the body as a file (exports). */
  blob?: boolean;
  /** Sees the headers of a successful response (e.g. X-Cache). */
  onHeaders?: (headers: Headers) => void;
}

const ANTIFORGERY_PROBLEM = 'https://faultline.dev/problems/antiforgery';
let antiforgeryToken: Promise<string> | null = null;

/** The session changed (sign-in, sign-out, tenant switch): the antiforgery token must be fetched anew. */
export function forgetAntiforgeryToken(): void {
  antiforgeryToken = null;
}

function currentAntiforgeryToken(): Promise<string> {
  antiforgeryToken ??= request<{ token: string }>('/api/v1/auth/antiforgery')
    .then((answer) => answer.token)
    .catch((error: unknown) => {
      antiforgeryToken = null;
      throw error;
    });
  return antiforgeryToken;
}

/** Every call to the backend goes through here. */
export async function request<T>(path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const { method = 'GET', body, signal, dataStatuses = [], text = false, blob = false, onHeaders } = options;
  const headers: Record<string, string> = { Accept: text ? 'text/plain, application/problem+json' : blob ? '*/*' : 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-TOKEN'] = await currentAntiforgeryToken();

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

  if (response.ok) onHeaders?.(response.headers);
  if (text && response.ok) return (await response.text()) as T;
  if (blob && response.ok) return (await response.blob()) as T;
  const payload = await readJson(response);
  if (response.ok || dataStatuses.includes(response.status)) return payload as T;
  const problem = isProblem(payload) ? payload : { title: response.statusText, status: response.status };
  // A token from before the last sign-in no longer matches the session: fetch a fresh one, once.
  if (problem.type === ANTIFORGERY_PROBLEM && !retried) {
    forgetAntiforgeryToken();
    return request<T>(path, options, true);
  }
  throw new ApiError(response.status, problem);
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

/** Calls that change who is signed in, or where. */
async function sessionChange(path: string, body: unknown): Promise<void> {
  await request<void>(path, { method: 'POST', body });
  forgetAntiforgeryToken();
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Set parameters only, in a stable order. */
function queryString(values: object): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (typeof value === 'string' && value) query.set(name, value);
  return query.toString();
}

const reportPath = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}`;

/** The query string of a keyset-paged list (runs, jobs, alert history): set filters only, and the page cursor. */
export function listQuery(filters: RunFilters | AlertHistoryFilters, cursor: string | null, limit = 50): string {
  const query = new URLSearchParams(queryString(filters));
  if (cursor) query.set('cursor', cursor);
  query.set('limit', String(limit));
  return query.toString();
}

async function dashboardData(id: string, query: DashboardDataQuery, signal?: AbortSignal): Promise<LoadedDashboardData> {
  let cache: CacheStatus | null = null;
  const data = await request<DashboardData>(`/api/v1/dashboards/${encodeURIComponent(id)}/data?${queryString(query)}`, {
    ...withSignal(signal),
    onHeaders: (headers) => {
      const value = headers.get('X-Cache');
      cache = value === 'hit' || value === 'miss' || value === 'partial' ? value : null;
    },
  });
  return { data, cache };
}

/** A file the server made, named as its Content-Disposition says. */
export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

/** The dashboard as a PDF, or its widgets' data as a zip of CSV files. */
async function exportDashboard(id: string, format: 'pdf' | 'csv', query: DashboardExportQuery): Promise<ExportedFile> {
  let fileName = `dashboard.${format === 'pdf' ? 'pdf' : 'zip'}`;
  const blob = await request<Blob>(`/api/v1/dashboards/${encodeURIComponent(id)}/export.${format}?${queryString(query)}`, {
    blob: true,
    onHeaders: (headers) => {
      const named = /filename="?([^";]+)"?/.exec(headers.get('Content-Disposition') ?? '');
      if (named?.[1]) fileName = named[1];
    },
  });
  return { blob, fileName };
}

const alertRulePath = (id: string) => `/api/v1/alerts/rules/${encodeURIComponent(id)}`;

export const api = {
  readiness: (signal?: AbortSignal) => request<Readiness>('/health/ready', { dataStatuses: [503], ...withSignal(signal) }),

  /** Who is signed in, if anyone: a 200 either way, so signed-out pages make no failing request. */
  session: (signal?: AbortSignal) => request<SessionState>('/api/v1/auth/session', withSignal(signal)),
  signUp: (email: string, password: string, tenantName: string) => sessionChange('/api/v1/auth/signup', { email, password, tenantName }),
  logIn: (email: string, password: string) => sessionChange('/api/v1/auth/login', { email, password }),
  logOut: () => sessionChange('/api/v1/auth/logout', {}),
  switchTenant: (tenantId: string) => sessionChange('/api/v1/auth/switch-tenant', { tenantId }),
  requestPasswordReset: (email: string) => request<void>('/api/v1/auth/password-reset', { method: 'POST', body: { email } }),
  resetPassword: (token: string, newPassword: string) =>
    request<void>('/api/v1/auth/password-reset/confirm', { method: 'POST', body: { token, newPassword } }),

  members: (signal?: AbortSignal) => request<Member[]>('/api/v1/members', withSignal(signal)),
  changeRole: (userId: string, role: Role) => request<void>(`/api/v1/members/${userId}`, { method: 'PATCH', body: { role } }),
  removeMember: (userId: string) => request<void>(`/api/v1/members/${userId}`, { method: 'DELETE' }),

  invitations: (signal?: AbortSignal) => request<Invitation[]>('/api/v1/invitations', withSignal(signal)),
  invite: (email: string, role: Role) => request<Invitation>('/api/v1/invitations', { method: 'POST', body: { email, role } }),
  revokeInvitation: (id: string) => request<void>(`/api/v1/invitations/${id}`, { method: 'DELETE' }),
  previewInvitation: (token: string, signal?: AbortSignal) =>
    request<InvitationPreview>(`/api/v1/invitations/preview?token=${encodeURIComponent(token)}`, withSignal(signal)),
  acceptInvitation: (token: string, password?: string) =>
    sessionChange('/api/v1/members', password === undefined ? { token } : { token, password }),

  apiKeys: (signal?: AbortSignal) => request<ApiKey[]>('/api/v1/api-keys', withSignal(signal)),
  createApiKey: (name: string, scopes: ApiKeyScope[]) => request<CreatedApiKey>('/api/v1/api-keys', { method: 'POST', body: { name, scopes } }),
  revokeApiKey: (id: string) => request<void>(`/api/v1/api-keys/${id}`, { method: 'DELETE' }),

  runs: (filters: RunFilters, cursor: string | null, signal?: AbortSignal) =>
    request<components['schemas']['PageOfRunSummary']>(`/api/v1/runs?${listQuery(filters, cursor)}`, withSignal(signal)),
  jobs: (filters: RunFilters, cursor: string | null, signal?: AbortSignal) =>
    request<components['schemas']['PageOfJobSummary']>(`/api/v1/jobs?${listQuery(filters, cursor)}`, withSignal(signal)),
  run: (id: string, signal?: AbortSignal) => request<RunDetail>(`/api/v1/runs/${encodeURIComponent(id)}`, withSignal(signal)),
  job: (id: string, signal?: AbortSignal) => request<JobDetail>(`/api/v1/jobs/${encodeURIComponent(id)}`, withSignal(signal)),
  jobLog: (id: string, signal?: AbortSignal) => request<string>(`/api/v1/jobs/${encodeURIComponent(id)}/log`, { text: true, ...withSignal(signal) }),

  webhooks: (signal?: AbortSignal) => request<Webhook[]>('/api/v1/hooks', withSignal(signal)),
  createWebhook: (provider: WebhookProvider, name: string) => request<CreatedWebhook>('/api/v1/hooks', { method: 'POST', body: { provider, name } }),
  updateWebhook: (id: string, changes: WebhookChanges) => request<Webhook>(`/api/v1/hooks/${id}`, { method: 'PATCH', body: changes }),
  deleteWebhook: (id: string) => request<void>(`/api/v1/hooks/${id}`, { method: 'DELETE' }),
  deadLetters: (cursor: string | null, signal?: AbortSignal) =>
    request<components['schemas']['PageOfDeadLetterDto']>(`/api/v1/hooks/dead-letters?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, withSignal(signal)),
  deadLetter: (id: string, signal?: AbortSignal) => request<DeadLetterDetail>(`/api/v1/hooks/dead-letters/${encodeURIComponent(id)}`, withSignal(signal)),
  replayDeadLetter: (id: string) => request<WebhookOutcome>(`/api/v1/hooks/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' }),
  discardDeadLetter: (id: string) => request<void>(`/api/v1/hooks/dead-letters/${encodeURIComponent(id)}`, { method: 'DELETE' }),

  metricsCatalog: (signal?: AbortSignal) => request<MetricDefinition[]>('/api/v1/metrics/catalog', withSignal(signal)),
  dashboards: (signal?: AbortSignal) => request<DashboardSummary[]>('/api/v1/dashboards', withSignal(signal)),
  dashboardTemplates: (signal?: AbortSignal) => request<DashboardTemplate[]>('/api/v1/dashboards/templates', withSignal(signal)),
  dashboard: (id: string, signal?: AbortSignal) => request<Dashboard>(`/api/v1/dashboards/${encodeURIComponent(id)}`, withSignal(signal)),
  createDashboard: (dashboard: DashboardBody) => request<Dashboard>('/api/v1/dashboards', { method: 'POST', body: dashboard }),
  updateDashboard: (id: string, changes: DashboardChanges) =>
    request<Dashboard>(`/api/v1/dashboards/${encodeURIComponent(id)}`, { method: 'PUT', body: changes }),
  deleteDashboard: (id: string) => request<void>(`/api/v1/dashboards/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  dashboardData,
  exportDashboard,

  jobClassification: (jobId: string | number, signal?: AbortSignal) =>
    request<JobClassification>(`/api/v1/jobs/${encodeURIComponent(jobId)}/classification`, withSignal(signal)),
  submitFeedback: (jobId: number, category: string) => request<Feedback>('/api/v1/feedback', { method: 'POST', body: { jobId, category } }),
  feedback: (limit = 100, signal?: AbortSignal) => request<Feedback[]>(`/api/v1/feedback?limit=${limit}`, withSignal(signal)),
  models: (signal?: AbortSignal) => request<ModelList>('/api/v1/models', withSignal(signal)),
  assignModels: (assignment: ModelAssignment) => request<AssignedModels>('/api/v1/models/assignment', { method: 'PUT', body: assignment }),
  settings: (signal?: AbortSignal) => request<TenantSettings>('/api/v1/settings', withSignal(signal)),
  saveSettings: (settings: TenantSettingsChange) => request<TenantSettings>('/api/v1/settings', { method: 'PUT', body: settings }),
  tenantModels: (signal?: AbortSignal) => request<TenantModelList>('/api/v1/models/tenant', withSignal(signal)),
  trainTenantModel: () => request<TenantModel>('/api/v1/models/tenant', { method: 'POST', body: {} }),
  activateTenantModel: (version: string) =>
    request<AssignedModels>(`/api/v1/models/tenant/${encodeURIComponent(version)}/activate`, { method: 'POST', body: {} }),
  deactivateTenantModel: () => request<AssignedModels>('/api/v1/models/tenant/deactivate', { method: 'POST', body: {} }),
  deleteTenantModel: (version: string) => request<void>(`/api/v1/models/tenant/${encodeURIComponent(version)}`, { method: 'DELETE' }),
  predict: (log: string, signal?: AbortSignal) =>
    request<FailureAnalysis>('/api/v1/predict', { method: 'POST', body: { log }, ...withSignal(signal) }),

  alertRules: (signal?: AbortSignal) => request<AlertRule[]>('/api/v1/alerts/rules', withSignal(signal)),
  alertRule: (id: string, signal?: AbortSignal) => request<AlertRule>(alertRulePath(id), withSignal(signal)),
  createAlertRule: (draft: AlertRuleDraft) => request<AlertRule>('/api/v1/alerts/rules', { method: 'POST', body: draft }),
  updateAlertRule: (id: string, draft: AlertRuleDraft) => request<AlertRule>(alertRulePath(id), { method: 'PUT', body: draft }),
  deleteAlertRule: (id: string) => request<void>(alertRulePath(id), { method: 'DELETE' }),
  /** 0 unmutes. */
  muteAlertRule: (id: string, minutes: number) => request<void>(`${alertRulePath(id)}/mute`, { method: 'POST', body: { minutes } }),
  /** A null group acknowledges every firing group. */
  acknowledgeAlert: (id: string, group: string | null) => request<void>(`${alertRulePath(id)}/acknowledge`, { method: 'POST', body: { group } }),
  testAlertRule: (id: string) => request<AlertTestResult>(`${alertRulePath(id)}/test`, { method: 'POST' }),
  previewAlertRule: (draft: AlertRuleDraft, signal?: AbortSignal) =>
    request<AlertPreview>('/api/v1/alerts/rules/preview', { method: 'POST', body: draft, ...withSignal(signal) }),
  alertTemplates: async (signal?: AbortSignal): Promise<AlertTemplate[]> =>
    (await request<AlertTemplateResponse[]>('/api/v1/alerts/templates', withSignal(signal)))
      // The server's templates are complete drafts, typed as the (lenient) rule input they are posted as.
      .map(({ id, name, description, rule }) => ({ ...(rule as AlertRuleDraft), id, name, description })),
  alertChannels: (signal?: AbortSignal) => request<AlertChannel[]>('/api/v1/alerts/channels', withSignal(signal)),
  createAlertChannel: (channel: NewAlertChannel) => request<CreatedAlertChannel>('/api/v1/alerts/channels', { method: 'POST', body: channel }),
  deleteAlertChannel: (id: string) => request<void>(`/api/v1/alerts/channels/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  testAlertChannel: (id: string) => request<AlertTestResult>(`/api/v1/alerts/channels/${encodeURIComponent(id)}/test`, { method: 'POST' }),
  alertHistory: (filters: AlertHistoryFilters, cursor: string | null, signal?: AbortSignal) =>
    request<AlertHistoryPage>(`/api/v1/alerts/history?${listQuery(filters, cursor)}`, withSignal(signal)),

  reports: (signal?: AbortSignal) => request<ReportSchedule[]>('/api/v1/reports', withSignal(signal)),
  createReport: (draft: ReportDraft) => request<ReportSchedule>('/api/v1/reports', { method: 'POST', body: draft }),
  updateReport: (id: string, draft: ReportDraft) => request<ReportSchedule>(reportPath(id), { method: 'PUT', body: draft }),
  deleteReport: (id: string) => request<void>(reportPath(id), { method: 'DELETE' }),
  pauseReport: (id: string, paused: boolean) => request<ReportSchedule>(`${reportPath(id)}/pause`, { method: 'POST', body: { paused } }),
  subscribeToReport: (id: string, subscribed: boolean) =>
    request<ReportSchedule>(`${reportPath(id)}/subscription`, { method: subscribed ? 'PUT' : 'DELETE' }),
  sendReportNow: (id: string) => request<ReportRun>(`${reportPath(id)}/send`, { method: 'POST' }),
  reportRuns: (id: string, signal?: AbortSignal) => request<ReportRun[]>(`${reportPath(id)}/runs`, withSignal(signal)),
  reportNextRuns: (cadence: ReportCadence, timeZone: string | null, signal?: AbortSignal) =>
    request<ReportNextRuns>('/api/v1/reports/next-runs', { method: 'POST', body: { cadence, timeZone }, ...withSignal(signal) }),
  /** Links the browser opens itself (a file download or an inline PDF), with the session cookie. */
  reportPreviewUrl: (id: string) => `${reportPath(id)}/preview`,
  reportFileUrl: (runId: string, kind: 'pdf' | 'csv') => `/api/v1/reports/runs/${encodeURIComponent(runId)}/${kind}`,

  audit: (cursor: string | null, signal?: AbortSignal) =>
    request<AuditPage>(`/api/v1/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, withSignal(signal)),
};
