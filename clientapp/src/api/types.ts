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

export type PipelineStatus = 'queued' | 'waiting' | 'manual' | 'running' | 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out';

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
  /** A failed job's category as the dashboards count it ('unclassified' until classified, 'uncertain' below the model's threshold); null for other jobs. */
  category: FailureCategory | 'unclassified' | 'uncertain' | null;
  /** How sure the classification is (1 for a person's correction); null without one. */
  confidence: number | null;
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
  /** Failed jobs of this category, as the dashboards count them (jobs only). */
  category?: string;
  /** Sort time (started, else queued) at or after `from` and before `to`, ISO 8601. */
  from?: string;
  to?: string;
  /** Finish time at or after `finishedFrom` and before `finishedTo`, ISO 8601: how the dashboards count. */
  finishedFrom?: string;
  finishedTo?: string;
}

export type WebhookProvider = 'github' | 'gitlab' | 'jenkins';

/** A GitHub or GitLab hook's access to its provider's API, for downloading the logs of failed jobs; the token itself is never sent back. */
export interface ProviderApi {
  tokenSet: boolean;
  /** null: the provider's default (api.github.com, or the GitLab instance the deliveries come from). */
  apiBaseUrl: string | null;
  lastFetchError: string | null;
  lastFetchErrorAt: string | null;
  lastFetchedAt: string | null;
}

export interface Webhook {
  id: string;
  provider: WebhookProvider;
  name: string;
  url: string;
  createdAt: string;
  lastDeliveryAt: string | null;
  /** null for Jenkins hooks. */
  providerApi: ProviderApi | null;
}

/** Absent: kept; empty string: cleared. */
export interface WebhookChanges {
  token?: string;
  apiBaseUrl?: string;
}

export interface CreatedWebhook {
  hook: Webhook;
  secret: string;
}

/** A delivery Faultline could not store, kept as received; `hookName` is null once the hook was deleted. */
export interface DeadLetter {
  id: string;
  hookId: string;
  hookName: string | null;
  provider: WebhookProvider;
  eventType: string;
  deliveryId: string | null;
  reasons: string[];
  attempts: number;
  receivedAt: string;
  lastAttemptAt: string;
}

/** A dead letter with what the provider sent: the payload's JSON (decoded if it came form-encoded) and its headers. */
export interface DeadLetterDetail {
  deadLetter: DeadLetter;
  contentType: string | null;
  headers: Record<string, string>;
  payload: string;
}

export interface IngestItemResult {
  index: number;
  status: 'accepted' | 'duplicate' | 'rejected';
  id: number | null;
  reason: string | null;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  items: IngestItemResult[];
}

/** A delivery (or a replayed dead letter) that was stored, recognised as a redelivery, or ignored. */
export interface WebhookOutcome {
  outcome: 'processed' | 'redelivered' | 'ignored';
  result: IngestResult | null;
}

export type MetricUnit = 'count' | 'ratio' | 'ms' | 'usd';
export type MetricShape = 'series' | 'table';
export type Bucket = 'hour' | 'day' | 'week';
export type Dimension = 'repository' | 'pipeline' | 'job' | 'branch' | 'provider' | 'category';

/** Exact-match filters of a metric query, null or absent for "any"; `category` only on metrics about failed jobs. */
export interface MetricFilters {
  repository?: string | null;
  pipeline?: string | null;
  branch?: string | null;
  job?: string | null;
  provider?: string | null;
  category?: string | null;
}

/** A widget's query: a metric query spec without from/to, which the dashboard supplies. */
export interface WidgetQuery {
  metric: string;
  bucket?: Bucket | null;
  groupBy?: Dimension | null;
  filters?: MetricFilters | null;
  top?: number | null;
}

export interface MetricDefinition {
  code: string;
  title: string;
  description: string;
  shape: MetricShape;
  unit: MetricUnit;
  /** The dimensions it can be filtered by; a dashboard filter on any other is not applied to it. */
  filters: Dimension[];
  groupBys: Dimension[];
  /** False for a state at the end of the range (how long a branch has been broken): no time buckets. */
  bucketed: boolean;
}

export interface MetricPoint {
  /** Start of the bucket; null for one value over the whole range. */
  at: string | null;
  value: number | null;
}

export interface MetricSeries {
  group: string | null;
  points: MetricPoint[];
}

export interface MetricTableRow {
  fields: Record<string, string | null>;
  values: Record<string, number | null>;
}

export interface MetricResult {
  metric: string;
  unit: MetricUnit;
  shape: MetricShape;
  from: string;
  to: string;
  bucket: Bucket | null;
  groupBy: Dimension | null;
  series: MetricSeries[];
  table: MetricTableRow[];
}

export type ChartType = 'line' | 'area' | 'bar' | 'stacked_bar' | 'pie' | 'stat' | 'table';

/** On a 12-column grid: x 0–11, w 1–12, h 1–12 rows. */
export interface WidgetLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Widget {
  id: string;
  title: string;
  chart: ChartType;
  query: WidgetQuery;
  layout: WidgetLayout;
}

export interface DashboardSummary {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  widgetCount: number;
  updatedAt: string;
}

export interface Dashboard {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  widgets: Widget[];
  createdAt: string;
  updatedAt: string;
}

export interface DashboardTemplate {
  id: string;
  name: string;
  description: string;
  widgets: Widget[];
}

/** Without a name, a dashboard made from a template takes the template's. */
export interface NewDashboard {
  name?: string;
  description?: string;
  templateId?: string;
}

export interface DashboardChanges {
  name: string;
  description: string | null;
  widgets: Widget[];
}

export interface WidgetData {
  widgetId: string;
  result: MetricResult | null;
  error: { title: string; detail: string } | null;
}

export interface DashboardData {
  dashboardId: string;
  from: string;
  to: string;
  widgets: WidgetData[];
}

/** The dashboard filters, added by the server to every widget's own. */
export interface DashboardFilters {
  repository?: string;
  pipeline?: string;
  branch?: string;
  job?: string;
  provider?: string;
}

export interface DashboardDataQuery extends DashboardFilters {
  from: string;
  to: string;
}

/** X-Cache of the data response: whether every widget, some, or none came from the cache. */
export type CacheStatus = 'hit' | 'miss' | 'partial';

export interface LoadedDashboardData {
  data: DashboardData;
  cache: CacheStatus | null;
}

/** The failure taxonomy, in the models' class order. */
export type FailureCategory = 'compilation' | 'test' | 'lint' | 'dependency' | 'configuration' | 'infrastructure' | 'timeout' | 'other';

/**
 * A line that explains the failure: its 1-based number in the log, its text, the line model's score
 * (probability-like, 0..1) and the block of lines it belongs to (1-based, inclusive; 0 for both in
 * classifications stored before blocks were found: the line alone).
 */
export interface KeyLine {
  lineNumber: number;
  text: string;
  score: number;
  blockStart: number;
  blockEnd: number;
}

/** Why a log failed, by one model (POST /predict). */
export interface FailureAnalysis {
  category: string;
  confidence: number;
  /** Category → probability; the eight categories, summing to about 1. */
  probabilities: Record<string, number>;
  /** Best first, one per block of the log, 1–5: the rest have log-odds within 2 of the first's. */
  keyLines: KeyLine[];
  modelVersion: string;
  /** Confidence under the threshold calibrated for the model: the category is only the most likely one. Never for a person's correction. */
  uncertain: boolean;
}

/** One model's answer for a job; `served` is the one the job was given. */
export interface ModelPrediction {
  modelVersion: string;
  category: string;
  confidence: number;
  served: boolean;
}

/** A failed job's stored classification: the served model's answer, or a person's correction of it. */
export interface JobClassification extends FailureAnalysis {
  jobId: number;
  source: 'model' | 'feedback';
  /** What the model had said when a person corrected it. */
  predictedCategory: string | null;
  classifiedAt: string;
  predictions: ModelPrediction[];
}

export interface Feedback {
  jobId: number;
  category: string;
  predictedCategory: string | null;
  modelVersion: string | null;
  actor: string;
  createdAt: string;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ModelMetrics {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  /** Rows: true class, columns: predicted class, both in the model's `classes` order. */
  confusion: number[][];
}

export interface LineMetrics {
  /** Share of logs whose best key line is in the ground-truth excerpt (absent on older cards). */
  hitAt1?: number;
  /** Share of logs with an excerpt line among the first 3 key lines. */
  hitAt3?: number;
  hitAt10?: number;
  keywordHitAt1?: number;
  keywordHitAt3?: number;
  keywordHitAt10?: number;
  precisionAt10: number;
  recallAt10: number;
  keywordPrecisionAt10: number;
  keywordRecallAt10: number;
  /** Recall with at most 10 excerpt lines counted per log. */
  recallAt10Capped?: number;
  keywordRecallAt10Capped?: number;
}

export interface TrainingData {
  realLogs: number;
  realRepos: number;
  syntheticLogs: number;
  feedbackLogs: number;
  /** 0–1: synthetic rows of the training set. */
  syntheticShare: number;
}

/** card.json as the training run wrote it; sections may be missing from older cards. */
export interface ModelCardJson {
  metrics?: ModelMetrics;
  lineMetrics?: LineMetrics;
  baseline?: { accuracy: number; macroF1: number };
  data?: TrainingData;
  hyperParameters?: Record<string, unknown>;
  intendedUse?: string;
  limits?: string[];
  [key: string]: unknown;
}

/** How often a model agreed with people's verdicts on this tenant's jobs. */
export interface ModelAgreement {
  modelVersion: string;
  predictions: number;
  reviewed: number;
  agreed: number;
}

export interface DeployedModel {
  version: string;
  algorithm: string;
  createdAt: string;
  featurizerVersion: string;
  classes: string[];
  card: ModelCardJson;
  cardMarkdown: string;
  active: boolean;
  challenger: boolean;
  onThisTenant: ModelAgreement | null;
}

export interface ModelAssignment {
  active: string;
  challenger: string | null;
  /** 0–1: the challenger's share of jobs. */
  challengerShare: number;
}

/** Where the models run: ONNX Runtime's CUDA provider on a GPU, or the CPU. */
export type ExecutionProvider = 'cuda' | 'cpu';

export interface ModelList {
  items: DeployedModel[];
  assignment: ModelAssignment;
  executionProvider: ExecutionProvider;
}

export interface AssignedModels {
  assignment: ModelAssignment;
  /** Jobs queued for re-classification by the change. */
  requeued: number;
}

// Threshold alerts (docs/alerts.md)

export type AlertState = 'ok' | 'pending' | 'firing' | 'resolved' | 'no_data' | 'error';
export type AlertSeverity = 'info' | 'warning' | 'critical';
export type ConditionKind = 'above' | 'below' | 'outside' | 'percent_change';
/** What an evaluation without a value means. */
export type NoDataHandling = 'no_data' | 'ok' | 'alerting' | 'keep_last';
/** What a failed evaluation means. */
export type ErrorHandling = 'error' | 'alerting' | 'keep_last';

/** A metric query spec without a bucket: one value per evaluation, per group when grouped. */
export interface AlertQuery {
  metric: string;
  groupBy: Dimension | null;
  filters: MetricFilters | null;
  /** The heaviest groups watched, 1–100; null for 100. */
  top: number | null;
}

/** Thresholds in the metric's unit (ratios 0–1, ms, USD, counts); a percent change's in percent. */
export interface AlertCondition {
  kind: ConditionKind;
  threshold: number;
  /** `outside` only. */
  upper: number | null;
  recoveryThreshold: number | null;
}

/** A rule's definition: the body of POST and PUT /alerts/rules, and of the preview. */
export interface AlertRuleDraft {
  name: string;
  description: string | null;
  enabled: boolean;
  query: AlertQuery;
  condition: AlertCondition;
  windowMinutes: number;
  forMinutes: number;
  severity: AlertSeverity;
  noDataState: NoDataHandling;
  errorState: ErrorHandling;
  /** Null: never notify again while firing. */
  renotifyMinutes: number | null;
  channelIds: string[];
}

/** A template as GET /alerts/templates answers it: a name for the list and the rule draft it starts. */
export interface AlertTemplateResponse {
  id: string;
  name: string;
  description: string;
  rule: AlertRuleDraft;
}

/** A template as the pages use it: the rule draft itself, named by `id`. */
export type AlertTemplate = AlertRuleDraft & { id?: string };

export interface AlertGroupState {
  /** Null when the rule is not grouped. */
  group: string | null;
  state: AlertState;
  since: string;
  value: number | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  lastNotifiedAt: string | null;
  recentValues: (number | null)[];
}

export interface AlertRule extends AlertRuleDraft {
  id: string;
  mutedUntil: string | null;
  createdAt: string;
  updatedAt: string;
  /** The most severe of the groups' states; `ok` for a rule never evaluated. */
  state: AlertState;
  lastEvaluatedAt: string | null;
  groups: AlertGroupState[];
}

export interface AlertPreview {
  unit: MetricUnit;
  current: { group: string | null; value: number | null; breaching: boolean }[];
  /**
   * The last 24 hours in hours for windows up to 6 hours, else the last 14 days in days; null for a
   * metric without buckets (a state at the end of the window, such as broken_for).
   */
  history: { bucket: Bucket; series: MetricSeries[] } | null;
  /** Null for a percent change: the chart shows the metric, the condition is about its change. */
  threshold: number | null;
  upper: number | null;
}

export type ChannelKind = 'slack' | 'email' | 'webhook';

/** One channel's answer to a test message. */
export interface ChannelDelivery {
  channelId: string;
  channelName: string;
  kind: ChannelKind;
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface AlertTestResult {
  deliveries: ChannelDelivery[];
}

export type NewAlertChannel =
  | { name: string; kind: 'slack' | 'webhook'; url: string }
  | { name: string; kind: 'email'; recipients: string[] };

export interface ChannelHealth {
  lastAttemptAt: string | null;
  /** Whether the last attempt was delivered; null before the first. */
  lastOk: boolean | null;
  /** Why the last failed attempt failed. */
  lastError: string | null;
  failedLast24h: number;
  pending: number;
}

export interface AlertChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** Where it delivers, the secret part of a Slack URL hidden. */
  target: string;
  createdAt: string;
  health: ChannelHealth;
}

/** The answer to creating a channel: a webhook's signing secret is in it, and never again. */
export interface CreatedAlertChannel extends AlertChannel {
  /** A webhook's signing secret, in the create answer only. */
  signingSecret?: string | null;
}

export type AlertHistoryKind = 'state' | 'delivery' | 'mute' | 'acknowledge' | 'test';
export type DeliveryOutcome = 'sent' | 'retrying' | 'gave_up';

export interface AlertHistoryItem {
  id: number;
  at: string;
  kind: AlertHistoryKind;
  ruleId: string | null;
  ruleName: string | null;
  group: string | null;
  fromState: AlertState | null;
  toState: AlertState | null;
  value: number | null;
  threshold: number | null;
  channelId: string | null;
  channelName: string | null;
  attempt: number | null;
  outcome: DeliveryOutcome | null;
  detail: string | null;
  actor: string | null;
}

/** GET /alerts/history filters, all optional; `from` and `to` ISO 8601. */
export interface AlertHistoryFilters {
  ruleId?: string;
  channelId?: string;
  kind?: string;
  state?: string;
  from?: string;
  to?: string;
}
