import { Fragment, useState } from 'react';
import { api } from '../../api/client';
import type { ReportSchedule } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useRowAction } from '../../components/useRowAction';
import { formatScheduleTime } from '../../format';
import { useSession } from '../../session/SessionProvider';
import { defaultDashboard, describeCadence, weeklyDigest, type ReportFields } from './model';
import { ReportForm } from './ReportForm';
import { ReportRuns } from './ReportRuns';
import { RunStatus } from './RunStatus';

type Editing = { kind: 'new'; initial?: ReportFields } | { kind: 'edit'; report: ReportSchedule } | null;

/**
 * Scheduled reports: dashboards e-mailed (and posted to Slack) as PDFs on a cadence. Admins manage them; everyone who
 * can read the dashboards sees them and may subscribe their own address.
 */
export function ReportsPage() {
  usePageTitle('Reports');
  const { can, state } = useSession();
  const canManage = can('reports:manage');
  const me = state.status === 'signed-in' ? state.me.actor.toLowerCase() : '';
  const reports = useResource((signal) => api.reports(signal));
  const dashboards = useResource((signal) => api.dashboards(signal));
  const channels = useResource((signal) => api.alertChannels(signal));
  const [editing, setEditing] = useState<Editing>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const action = useRowAction(reports.refresh);

  const dashboardName = (id: string) => dashboards.resource.data?.find((d) => d.id === id)?.name ?? 'Deleted dashboard';
  const slackChannels = (channels.resource.data ?? []).filter((c) => c.kind === 'slack');
  const saved = () => {
    setEditing(null);
    reports.refresh();
  };
  const send = (report: ReportSchedule) => action.run(async () => {
    setSending(report.id);
    try {
      await api.sendReportNow(report.id);
    } finally {
      setSending(null);
    }
  });

  return (
    <section className="page">
      <header className="page-header with-actions">
        <div>
          <h1>Reports</h1>
          <p className="muted">Dashboards sent as PDFs by e-mail and Slack, daily, weekly or monthly, with the headline numbers against the previous period.</p>
        </div>
        {canManage && !editing && (
          <div className="button-group">
            <button type="button" className="button" onClick={() => setEditing({ kind: 'new' })}>New report</button>
            {dashboards.resource.data && (
              <button type="button" className="button secondary"
                onClick={() => setEditing({ kind: 'new', initial: weeklyDigest(defaultDashboard(dashboards.resource.data ?? []), me) })}>
                Weekly digest
              </button>
            )}
          </div>
        )}
      </header>
      {editing && dashboards.resource.data && (
        <ReportForm key={editing.kind === 'edit' ? editing.report.id : 'new'} dashboards={dashboards.resource.data} slackChannels={slackChannels}
          {...(editing.kind === 'edit' ? { report: editing.report } : editing.initial ? { initial: editing.initial } : {})}
          onSaved={saved} onCancel={() => setEditing(null)} />
      )}
      <ProblemAlert error={action.error} />
      <div className="card table-card">
        {reports.resource.state === 'loading' && <p className="muted" role="status">Loading reports…</p>}
        {reports.resource.state === 'error' && <ProblemAlert error={reports.resource.error} />}
        {reports.resource.data?.length === 0 && <p className="muted">No reports yet.{canManage ? ' Create one to send a dashboard on a schedule.' : ''}</p>}
        {!!reports.resource.data?.length && (
          <table aria-label="Reports">
            <thead><tr><th>Report</th><th>When</th><th>Next run</th><th>Last run</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {reports.resource.data.map((report) => {
                const subscribed = report.recipients.includes(me);
                return (
                  <Fragment key={report.id}>
                    <tr>
                      <td data-label="Report">
                        <strong>{report.name}</strong>
                        <div className="small muted">{dashboardName(report.dashboardId)} · {report.rangeLabel} · {report.recipients.length} recipient(s)</div>
                      </td>
                      <td data-label="When">{describeCadence(report.cadence)} <span className="small muted">({report.timeZone})</span></td>
                      <td data-label="Next run">{report.paused ? <span className="badge subtle">Paused</span> : formatScheduleTime(report.nextRunAt, report.timeZone)}</td>
                      <td data-label="Last run">
                        {report.lastRun ? <><RunStatus run={report.lastRun} /> <span className="small muted">{formatScheduleTime(report.lastRun.startedAt, report.timeZone)}</span></> : '—'}
                      </td>
                      <td className="actions">
                        <div className="button-group">
                          <button type="button" className="button secondary small" aria-expanded={historyOf === report.id}
                            onClick={() => setHistoryOf(historyOf === report.id ? null : report.id)}>History</button>
                          <a className="button secondary small" href={api.reportPreviewUrl(report.id)} target="_blank" rel="noreferrer">Preview</a>
                          {canManage ? (
                            <>
                              <button type="button" className="button secondary small" disabled={sending === report.id} onClick={() => void send(report)}>
                                {sending === report.id ? 'Sending…' : 'Send now'}
                              </button>
                              <button type="button" className="button secondary small" onClick={() => setEditing({ kind: 'edit', report })}>Edit</button>
                              <button type="button" className="button secondary small" onClick={() => void action.run(() => api.pauseReport(report.id, !report.paused))}>
                                {report.paused ? 'Resume' : 'Pause'}
                              </button>
                              <button type="button" className="button danger small"
                                onClick={() => void action.run(() => api.deleteReport(report.id), `Delete the report "${report.name}" and its history?`)}>
                                Delete
                              </button>
                            </>
                          ) : me && (
                            <button type="button" className="button secondary small" onClick={() => void action.run(() => api.subscribeToReport(report.id, !subscribed))}>
                              {subscribed ? 'Unsubscribe' : 'Subscribe'}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                    {historyOf === report.id && (
                      <tr className="detail-row"><td colSpan={5}><ReportRuns reportId={report.id} timeZone={report.timeZone} /></td></tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
