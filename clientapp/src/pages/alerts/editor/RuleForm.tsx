import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { AlertTemplate } from '../../../api/client';
import type { AlertChannel, AlertRuleDraft, MetricDefinition } from '../../../api/schemas';
import type { Resource } from '../../../api/useResource';
import { fieldErrors, fieldErrorsUnder, withoutFields } from '../../../components/ProblemAlert';
import { SaveProblem } from '../../../components/SaveProblem';
import { useSubmit } from '../../../components/useSubmit';
import { applyTemplate, blankForm, buildDraft, unitOf, type RuleForm as Values } from '../model/draft';
import { ConditionFields } from './ConditionFields';
import { NameFields } from './NameFields';
import { NotifyFields } from './NotifyFields';
import { QueryFields } from './QueryFields';
import { RulePreview } from './RulePreview';
import { PLACED_FIELDS } from './section';
import { TemplatePicker } from './TemplatePicker';
import { useRulePreview } from './useRulePreview';

interface Props {
  initial: Values;
  /** Series metrics only: the others cannot be alerted on. */
  metrics: MetricDefinition[];
  channels: Resource<AlertChannel[]>;
  /** For a new rule: what it can start from. */
  templates?: { list: AlertTemplate[]; initialKey: string } | undefined;
  submitLabel: string;
  cancelTo: string;
  onSave: (draft: AlertRuleDraft) => Promise<void>;
}

/**
 * A rule's definition with a live preview. Field errors come from the form's own checks once a save
 * was tried, else from the server (the save, then the preview), beside the fields they are about.
 */
export function RuleForm({ initial, metrics, channels, templates, submitLabel, cancelTo, onSave }: Props) {
  const [form, setForm] = useState(initial);
  const [tried, setTried] = useState(false);
  const metric = metrics.find((m) => m.code === form.metric);
  const check = useMemo(() => buildDraft(form, metric), [form, metric]);
  const preview = useRulePreview(check.ok ? check.draft : null);
  const { busy, error, onSubmit } = useSubmit(async () => {
    setTried(true);
    if (check.ok) await onSave(check.draft);
  });

  const change = (next: Partial<Values>) => setForm((current) => ({ ...current, ...next }));
  const errorsAt = (field: string) => {
    const local = tried && !check.ok ? check.errors[field] : undefined;
    // Lists: the server names an item ("channelIds[1]"), the form shows them all under the list.
    if (field === 'channelIds' || field === 'query.alsoGroupBy') return local ?? fieldErrorsUnder(error, field) ?? fieldErrorsUnder(preview.error, field);
    return local ?? fieldErrors(error, field) ?? fieldErrors(preview.error, field);
  };
  const pickTemplate = (template: AlertTemplate | null) =>
    setForm((current) => template
      ? applyTemplate(template, unitOf(metrics, template.query.metric), current)
      : { ...blankForm(current.metric), channelIds: current.channelIds });
  const section = { form, errorsAt, onChange: change };

  return (
    <form className="rule-form" onSubmit={onSubmit} noValidate aria-label="Alert rule">
      <div className="rule-editor">
        {templates && <TemplatePicker templates={templates.list} initialKey={templates.initialKey} onPick={pickTemplate} />}
        <NameFields {...section} />
        <QueryFields {...section} metrics={metrics} />
        <ConditionFields {...section} unit={metric?.unit ?? 'count'} />
        <RulePreview state={preview} ready={check.ok} kind={form.kind} metric={form.metric} metricTitle={metric?.title ?? form.metric}
          groupBy={form.groupBy[0] ?? null} />
        <NotifyFields {...section} channels={channels} />
      </div>
      <div className="form-actions">
        <button className="button" type="submit" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        <Link className="button secondary" to={cancelTo}>Cancel</Link>
      </div>
      <div className="form-status">
        {tried && !check.ok && <p className="banner error" role="alert">Some fields need another look: they are marked above.</p>}
        <SaveProblem error={withoutFields(error, PLACED_FIELDS)} />
      </div>
    </form>
  );
}
