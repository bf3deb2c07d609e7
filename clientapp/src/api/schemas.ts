// Readable names for the API's types, all generated from the server's OpenAPI document (./openapi.ts, written by
// scripts/openapi.sh): nothing here describes a shape of its own. Where the SPA needs a type the server does not
// have, it is a part of one (a property's codes, a query's parameters).
import type { components, operations } from './openapi';

type Schemas = components['schemas'];
type QueryOf<Operation extends keyof operations> = Omit<NonNullable<operations[Operation]['parameters']['query']>, 'cursor' | 'limit'>;

/** RFC 9457 problem details, as every API error is answered (field errors on a 400 from validation). */
export type ProblemDetails = Schemas['HttpValidationProblemDetails'];

export type DependencyCheck = Schemas['DependencyCheck'];
export type Readiness = Schemas['ReadinessReport'];

export type Role = Schemas['MemberDto']['role'];
export type TenantSummary = Schemas['CurrentTenantDto'];
export type TenantSettings = Schemas['TenantSettingsDto'];
export type TenantSettingsChange = Schemas['UpdateTenantSettings'];
export type Me = Schemas['MeDto'];
export type SessionState = Schemas['SessionDto'];
export type Member = Schemas['MemberDto'];
export type Invitation = Schemas['InvitationDto'];
export type InvitationPreview = Schemas['InvitationPreview'];

export type ApiKeyScope = Schemas['ApiKeyDto']['scopes'][number];
export type ApiKey = Schemas['ApiKeyDto'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditPage = Schemas['AuditPage'];

export type PipelineStatus = Schemas['RunSummary']['status'];
export type RunSummary = Schemas['RunSummary'];
export type JobSummary = Schemas['JobSummary'];
export type RunDetail = Schemas['RunDetail'];
export type LogInfo = Schemas['LogInfo'];
export type JobDetail = Schemas['JobDetail'];
/** The filters of GET /runs and /jobs (job and category apply to jobs). */
export type RunFilters = QueryOf<'listJobs'>;

/** A provider that delivers by webhook ("api" is the events endpoint). */
export type WebhookProvider = Exclude<Schemas['WebhookDto']['provider'], 'api'>;
export type Webhook = Schemas['WebhookDto'];
export type CreatedWebhook = Schemas['CreatedWebhookDto'];
export type ProviderApi = Schemas['ProviderApiDto'];
export type WebhookChanges = Schemas['WebhookChanges'];
export type WebhookOutcome = Schemas['WebhookOutcome'];
export type DeadLetter = Schemas['DeadLetterDto'];
export type DeadLetterDetail = Schemas['DeadLetterDetailDto'];

export type MetricUnit = Schemas['MetricResult']['unit'];
export type MetricShape = Schemas['MetricResult']['shape'];
export type Bucket = NonNullable<Schemas['MetricResult']['bucket']>;
export type Dimension = Schemas['MetricDefinitionDto']['groupBys'][number];
export type MetricFilters = Schemas['MetricFilters'];
/** A metric query spec without from/to: a widget's or an alert rule's. */
export type WidgetQuery = Schemas['MetricSpec'];
export type MetricDefinition = Schemas['MetricDefinitionDto'];
export type MetricPoint = Schemas['MetricPoint'];
export type MetricSeries = Schemas['MetricSeries'];
export type MetricTableRow = Schemas['MetricTableRow'];
export type MetricResult = Schemas['MetricResult'];

export type ChartType = Schemas['Widget']['chart'];
export type WidgetLayout = Schemas['WidgetLayout'];
export type Widget = Schemas['Widget'];
export type DashboardSummary = Schemas['DashboardSummary'];
export type Dashboard = Schemas['DashboardDto'];
export type DashboardTemplate = Schemas['DashboardTemplate'];
/** The body of POST and PUT /dashboards. */
export type DashboardBody = Schemas['DashboardBody'];
/** What the dashboard editor edits and PUTs back. */
export type DashboardChanges = Pick<Dashboard, 'name' | 'description' | 'widgets'>;
export type WidgetData = Schemas['WidgetData'];
export type DashboardData = Schemas['DashboardData'];
/** The dashboard's range and the filters the server adds to every widget's own. */
export type DashboardDataQuery = QueryOf<'getDashboardData'>;
export type DashboardFilters = Omit<DashboardDataQuery, 'from' | 'to'>;
/** The range and filters of the data query, the time zone times are printed in, and the paper of a PDF (CSV takes the same). */
export type DashboardExportQuery = QueryOf<'exportDashboardPdf'>;

/** The failure taxonomy, in the models' class order. */
export type FailureCategory = Exclude<NonNullable<JobSummary['category']>, 'unclassified' | 'uncertain'>;
export type KeyLine = Schemas['KeyLine'];
export type FailureAnalysis = Schemas['FailureAnalysis'];
export type ModelPrediction = Schemas['ModelPrediction'];
export type JobClassification = Schemas['JobClassification'];
export type Feedback = Schemas['Feedback'];
export type ModelAgreement = Schemas['ModelAgreement'];
export type DeployedModel = Schemas['DeployedModel'];
export type ModelAssignment = Schemas['AssignmentDto'];
export type ExecutionProvider = Schemas['ModelList']['executionProvider'];
export type ModelList = Schemas['ModelList'];
export type AssignedModels = Schemas['AssignedModels'];
export type TenantModel = Schemas['TenantModelDto'];
export type TenantModelCard = Schemas['TenantModelCard'];
export type TenantModelList = Schemas['TenantModelList'];

export type AlertState = Schemas['AlertRuleDto']['state'];
export type AlertSeverity = Schemas['AlertRuleDto']['severity'];
export type ConditionKind = Schemas['ConditionDto']['kind'];
export type NoDataHandling = Schemas['AlertRuleDto']['noDataState'];
export type ErrorHandling = Schemas['AlertRuleDto']['errorState'];
export type AlertQuery = Schemas['MetricSpec'];
export type AlertCondition = Schemas['ConditionDto'];
export type AlertRule = Schemas['AlertRuleDto'];
/** A rule's definition as the server answers it: what the editor edits and sends back. */
export type AlertRuleDraft = Pick<AlertRule, 'name' | 'description' | 'enabled' | 'query' | 'condition' | 'windowMinutes' | 'forMinutes'
  | 'severity' | 'noDataState' | 'errorState' | 'renotifyMinutes' | 'channelIds'>;
export type AlertTemplateResponse = Schemas['AlertTemplateDto'];
export type AlertGroupState = Schemas['AlertGroupDto'];
export type AlertPreview = Schemas['AlertPreview'];
export type ChannelKind = Schemas['AlertChannelDto']['kind'];
export type ChannelDelivery = Schemas['TestDeliveryDto'];
export type AlertTestResult = Schemas['TestResultDto'];
export type NewAlertChannel = Schemas['ChannelBody'];
export type ChannelHealth = Schemas['ChannelHealth'];
export type AlertChannel = Schemas['AlertChannelDto'];
export type CreatedAlertChannel = Schemas['CreatedAlertChannelDto'];
export type AlertHistoryKind = Schemas['AlertHistoryEntry']['kind'];
export type DeliveryOutcome = NonNullable<Schemas['AlertHistoryEntry']['outcome']>;
export type AlertHistoryItem = Schemas['AlertHistoryEntry'];
export type AlertHistoryPage = Schemas['AlertHistoryPage'];
export type AlertHistoryFilters = QueryOf<'listAlertHistory'>;

export type ReportSchedule = Schemas['ReportScheduleDto'];
export type ReportRange = ReportSchedule['range'];
export type ReportCadence = Schemas['ReportCadenceDto'];
export type ReportFrequency = ReportCadence['frequency'];
export type ReportPaper = ReportSchedule['paper'];
export type ReportOrientation = ReportSchedule['orientation'];
export type Weekday = NonNullable<ReportCadence['weekday']>;
/** The body of POST and PUT /reports. */
export type ReportDraft = Schemas['ReportScheduleInput'];
export type ReportRun = Schemas['ReportRunDto'];
export type ReportRunStatus = ReportRun['status'];
export type ReportNextRuns = Schemas['ReportNextRuns'];
