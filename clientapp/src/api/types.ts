/** RFC 9457 problem details, as every API error is answered. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
}

export interface DependencyCheck {
  name: string;
  healthy: boolean;
  durationMs: number;
  problem: string | null;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: DependencyCheck[];
}

export type Role = 'owner' | 'admin' | 'member' | 'viewer';

export interface TenantSummary {
  id: string;
  key: string;
  name: string;
}

export interface Me {
  userId: string | null;
  actor: string;
  tenant: TenantSummary | null;
  role: Role | null;
  permissions: string[];
  tenants: (TenantSummary & { role: Role })[];
}

export interface Member {
  userId: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationPreview {
  tenantName: string;
  email: string;
  role: Role;
  accountExists: boolean;
  expiresAt: string;
}

export type ApiKeyScope = 'ingest' | 'read' | 'predict' | 'admin';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey {
  id: string;
  key: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actor: string | null;
  target: string | null;
  clientAddress: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export type PipelineStatus = 'running' | 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out';

export interface RunSummary {
  id: number;
  provider: string;
  externalId: string;
  attempt: number;
  repository: string;
  pipeline: string;
  branch: string;
  commitSha: string | null;
  trigger: string | null;
  actor: string | null;
  status: PipelineStatus;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  sortedAt: string;
}

export interface JobSummary {
  id: number;
  runId: number | null;
  provider: string;
  externalId: string;
  attempt: number;
  repository: string;
  pipeline: string;
  branch: string;
  commitSha: string | null;
  name: string;
  runner: string | null;
  status: PipelineStatus;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  hasLog: boolean;
  sortedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RunDetail {
  run: RunSummary;
  jobs: JobSummary[];
}

export interface LogInfo {
  originalBytes: number;
  storedBytes: number;
  truncated: boolean;
  receivedAt: string;
}

export interface JobDetail {
  job: JobSummary;
  log: LogInfo | null;
}

export interface RunFilters {
  repository?: string;
  pipeline?: string;
  branch?: string;
  status?: string;
  provider?: string;
  job?: string;
}

export type WebhookProvider = 'github' | 'gitlab' | 'jenkins';

export interface Webhook {
  id: string;
  provider: WebhookProvider;
  name: string;
  url: string;
  createdAt: string;
  lastDeliveryAt: string | null;
}

export interface CreatedWebhook {
  hook: Webhook;
  secret: string;
}
