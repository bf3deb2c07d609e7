import type { AlertTemplate } from '../../../api/client';
import type {
  AlertRuleDraft, AlertSeverity, ConditionKind, Dimension, ErrorHandling, MetricDefinition, MetricFilters, MetricUnit, NoDataHandling,
} from '../../../api/schemas';
import { parseNumber, thresholdUnit } from './units';

/** The rule form's values: thresholds as typed, in the units people think in (see thresholdUnit). */
export interface RuleForm {
  name: string;
  description: string;
  enabled: boolean;
  metric: string;
  /** One alert per combination of these, in the metric's order; none: one alert for the metric as a whole. */
  groupBy: Dimension[];
  filters: Partial<Record<Dimension, string>>;
  /** Not edited here; kept as the template or rule had it. */
  top: number | null;
  kind: ConditionKind;
  threshold: string;
  upper: string;
  recovery: string;
  windowMinutes: number;
  forMinutes: number;
  severity: AlertSeverity;
  noDataState: NoDataHandling;
  errorState: ErrorHandling;
  renotifyMinutes: number | null;
  channelIds: string[];
}

/** Messages by field, under the names the server's validation errors use: "query.metric", "condition.threshold"… */
export type RuleErrors = Partial<Record<string, string[]>>;
export type DraftCheck = { ok: true; draft: AlertRuleDraft } | { ok: false; errors: RuleErrors };

/** Only above and below resolve at a level of their own. */
export const hasRecovery = (kind: ConditionKind) => kind === 'above' || kind === 'below';

export const unitOf = (metrics: readonly MetricDefinition[], code: string): MetricUnit => metrics.find((m) => m.code === code)?.unit ?? 'count';

export function blankForm(metric: string): RuleForm {
  return {
    name: '', description: '', enabled: true, metric, groupBy: [], filters: {}, top: null,
    kind: 'above', threshold: '', upper: '', recovery: '',
    windowMinutes: 60, forMinutes: 5, severity: 'warning', noDataState: 'no_data', errorState: 'error', renotifyMinutes: 240, channelIds: [],
  };
}

/** A rule or template as the form shows it, thresholds converted from the API's units. */
export function formOf(draft: AlertRuleDraft, unit: MetricUnit): RuleForm {
  const { toUi } = thresholdUnit(unit, draft.condition.kind);
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(toUi(value)));
  const filters = Object.entries(draft.query.filters ?? {}).filter((entry): entry is [Dimension, string] => !!entry[1]);
  return {
    name: draft.name, description: draft.description ?? '', enabled: draft.enabled,
    metric: draft.query.metric, groupBy: draft.query.groupBy ? [draft.query.groupBy, ...(draft.query.alsoGroupBy ?? [])] : [], filters: Object.fromEntries(filters), top: draft.query.top ?? null,
    kind: draft.condition.kind, threshold: text(draft.condition.threshold), upper: text(draft.condition.upper), recovery: text(draft.condition.recoveryThreshold),
    windowMinutes: draft.windowMinutes, forMinutes: draft.forMinutes, severity: draft.severity, noDataState: draft.noDataState,
    errorState: draft.errorState, renotifyMinutes: draft.renotifyMinutes, channelIds: draft.channelIds ?? [],
  };
}

/** A template replaces the form, except the channels already picked when it names none (a template cannot know them). */
export function applyTemplate(template: AlertRuleDraft, unit: MetricUnit, current: RuleForm): RuleForm {
  const form = formOf(template, unit);
  return form.channelIds.length ? form : { ...form, channelIds: current.channelIds };
}

/** The chosen dimensions the metric can group by, in the metric's order (so a group reads the same however they were ticked). */
export const groupsAllowed = (chosen: readonly Dimension[], metric: MetricDefinition): Dimension[] =>
  metric.groupBys.filter((dimension) => chosen.includes(dimension));

/** Another metric: a group-by or filter it does not allow is dropped. */
export function withMetric(form: RuleForm, metric: MetricDefinition): RuleForm {
  const filters = Object.entries(form.filters).filter(([dimension]) => metric.filters.includes(dimension as Dimension));
  return {
    ...form,
    metric: metric.code,
    groupBy: groupsAllowed(form.groupBy, metric),
    filters: Object.fromEntries(filters),
  };
}

/**
 * The draft the API takes, thresholds in the metric's unit, or what is wrong with the form. The
 * server checks everything again (the name among others); these are the checks the preview needs.
 */
export function buildDraft(form: RuleForm, metric: MetricDefinition | undefined): DraftCheck {
  const errors: RuleErrors = {};
  if (!metric || metric.shape !== 'series') errors['query.metric'] = ['Choose a metric to watch.'];
  const threshold = parseNumber(form.threshold);
  const upper = parseNumber(form.upper);
  const recovery = parseNumber(form.recovery);
  if (threshold === null) errors['condition.threshold'] = ['Enter a number.'];
  if (form.kind === 'outside') {
    if (upper === null) errors['condition.upper'] = ['Enter a number.'];
    else if (threshold !== null && upper <= threshold) errors['condition.upper'] = ['The upper limit must be above the lower one.'];
  }
  if (hasRecovery(form.kind) && form.recovery.trim() !== '') {
    if (recovery === null) errors['condition.recoveryThreshold'] = ['Enter a number, or leave it empty to recover at the threshold.'];
    else if (threshold !== null && (form.kind === 'above' ? recovery > threshold : recovery < threshold)) {
      errors['condition.recoveryThreshold'] = [`It must be at or ${form.kind === 'above' ? 'below' : 'above'} the threshold.`];
    }
  }
  if (!metric || threshold === null || Object.keys(errors).length > 0) return { ok: false, errors };

  const { toApi } = thresholdUnit(metric.unit, form.kind);
  const [groupBy = null, ...alsoGroupBy] = groupsAllowed(form.groupBy, metric);
  const filters: MetricFilters = {};
  for (const dimension of metric.filters) {
    const value = form.filters[dimension]?.trim();
    if (value) filters[dimension] = value;
  }
  return {
    ok: true,
    draft: {
      name: form.name.trim(),
      description: form.description.trim() || null,
      enabled: form.enabled,
      query: {
        metric: metric.code,
        groupBy,
        alsoGroupBy: alsoGroupBy.length ? alsoGroupBy : null,
        filters,
        top: form.top,
      },
      condition: {
        kind: form.kind,
        threshold: toApi(threshold),
        upper: form.kind === 'outside' && upper !== null ? toApi(upper) : null,
        recoveryThreshold: hasRecovery(form.kind) && recovery !== null ? toApi(recovery) : null,
      },
      windowMinutes: form.windowMinutes,
      forMinutes: form.forMinutes,
      severity: form.severity,
      noDataState: form.noDataState,
      errorState: form.errorState,
      renotifyMinutes: form.renotifyMinutes,
      channelIds: form.channelIds,
    },
  };
}

/** How a template is named in an address: its id, else its place in the list. */
export const templateKey = (template: AlertTemplate, index: number) => template.id ?? String(index);

/** A new rule's form: from the template the address names, else blank on the failure rate (or the first metric). */
export function newRuleForm(metrics: readonly MetricDefinition[], templates: readonly AlertTemplate[], key: string): RuleForm {
  const blank = blankForm((metrics.find((m) => m.code === 'failure_rate') ?? metrics[0])?.code ?? '');
  const template = templates.find((t, i) => templateKey(t, i) === key);
  return template ? applyTemplate(template, unitOf(metrics, template.query.metric), blank) : blank;
}
