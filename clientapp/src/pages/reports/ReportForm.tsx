import { useState } from 'react';
import { api } from '../../api/client';
import type { AlertChannel, DashboardSummary, ReportSchedule } from '../../api/schemas';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors, fieldErrorsUnder } from '../../components/ProblemAlert';
import { SelectField } from '../../components/SelectField';
import { useSubmit } from '../../components/useSubmit';
import {
  FREQUENCY_LABELS, ORIENTATION_LABELS, PAPER_LABELS, RANGE_LABELS, WEEKDAY_LABELS, cadenceOf, defaultDashboard, draftOf, emptyFields, fieldsOf,
  options, type ReportFields,
} from './model';
import { NextRunsPreview } from './NextRunsPreview';

interface Props {
  dashboards: DashboardSummary[];
  slackChannels: AlertChannel[];
  /** The report being edited; a new one without. */
  report?: ReportSchedule;
  /** A new report's fields to start from (a template); empty ones without. */
  initial?: ReportFields;
  onSaved: () => void;
  onCancel: () => void;
}

/** A report's schedule: what it shows, to whom, when, in which format; with the next runs as the server will compute them. */
export function ReportForm({ dashboards, slackChannels, report, initial, onSaved, onCancel }: Props) {
  const [fields, setFields] = useState<ReportFields>(() =>
    report ? fieldsOf(report) : initial ?? emptyFields(defaultDashboard(dashboards), ''));
  const set = <K extends keyof ReportFields>(name: K, value: ReportFields[K]) => setFields((current) => ({ ...current, [name]: value }));
  const { busy, error, onSubmit } = useSubmit(async () => {
    const draft = draftOf(fields);
    await (report ? api.updateReport(report.id, draft) : api.createReport(draft));
    onSaved();
  });

  return (
    <form className="card inline-form report-form" onSubmit={onSubmit} noValidate aria-label={report ? `Edit ${report.name}` : 'New report'}>
      <h2 className="form-title">{report ? `Edit ${report.name}` : 'New report'}</h2>
      <FormField label="Name" placeholder="e.g. Weekly CI health" value={fields.name} onChange={(e) => set('name', e.target.value)}
        errors={fieldErrors(error, 'name')} />
      <SelectField label="Dashboard" value={fields.dashboardId} options={dashboards.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(e) => set('dashboardId', e.target.value)} errors={fieldErrors(error, 'dashboardId')} />
      <SelectField label="Range" value={fields.range} options={options(RANGE_LABELS)}
        onChange={(e) => set('range', e.target.value as ReportFields['range'])} errors={fieldErrors(error, 'range')} />
      <FormField label="E-mail recipients" inputMode="email" placeholder="lead@example.com, team@example.com" value={fields.recipients}
        hint="1 to 100 addresses, separated by commas." onChange={(e) => set('recipients', e.target.value)}
        errors={fieldErrorsUnder(error, 'recipients')} />
      <SelectField label="Slack channel" value={fields.slackChannelId}
        options={[{ value: '', label: 'None' }, ...slackChannels.map((c) => ({ value: c.id, label: c.name }))]}
        onChange={(e) => set('slackChannelId', e.target.value)} errors={fieldErrors(error, 'slackChannelId')} />
      <SelectField label="Every" value={fields.frequency} options={options(FREQUENCY_LABELS)}
        onChange={(e) => set('frequency', e.target.value as ReportFields['frequency'])} errors={fieldErrors(error, 'cadence.frequency')} />
      {fields.frequency === 'weekly' && (
        <SelectField label="On" value={fields.weekday} options={options(WEEKDAY_LABELS)}
          onChange={(e) => set('weekday', e.target.value as ReportFields['weekday'])} errors={fieldErrors(error, 'cadence.weekday')} />
      )}
      {fields.frequency === 'monthly' && (
        <FormField label="Day of the month" type="number" min={1} max={31} value={fields.dayOfMonth} hint="Past a month's end: its last day."
          onChange={(e) => set('dayOfMonth', e.target.value)} errors={fieldErrors(error, 'cadence.dayOfMonth')} />
      )}
      <FormField label="Time of day" type="time" value={fields.time} onChange={(e) => set('time', e.target.value)} errors={fieldErrors(error, 'cadence.time')} />
      <FormField label="Time zone" placeholder="The organisation's" value={fields.timeZone} hint="An IANA name such as Europe/Berlin; empty: the organisation's."
        onChange={(e) => set('timeZone', e.target.value)} errors={fieldErrors(error, 'timeZone')} />
      <label className="check">
        <input type="checkbox" checked={fields.withCsv} onChange={(e) => set('withCsv', e.target.checked)} />
        <span>PDF and CSV <span className="muted">— the widgets' data as CSV files, zipped, beside the PDF</span></span>
      </label>
      <SelectField label="Paper" value={fields.paper} options={options(PAPER_LABELS)}
        onChange={(e) => set('paper', e.target.value as ReportFields['paper'])} errors={fieldErrors(error, 'paper')} />
      <SelectField label="Orientation" value={fields.orientation} options={options(ORIENTATION_LABELS)}
        onChange={(e) => set('orientation', e.target.value as ReportFields['orientation'])} errors={fieldErrors(error, 'orientation')} />
      <label className="check">
        <input type="checkbox" checked={fields.includeChanges} onChange={(e) => set('includeChanges', e.target.checked)} />
        <span>What changed <span className="muted">— new failing jobs, categories that grew and default branches broken longest, against the previous period</span></span>
      </label>
      <NextRunsPreview cadence={cadenceOf(fields)} timeZone={fields.timeZone} />
      <div className="button-group">
        <button className="button" type="submit" disabled={busy || !fields.name.trim() || !fields.dashboardId}>
          {busy ? 'Saving…' : report ? 'Save' : 'Create report'}
        </button>
        <button className="button secondary" type="button" onClick={onCancel}>Cancel</button>
      </div>
      <div className="form-status"><ProblemAlert error={error} /></div>
    </form>
  );
}
