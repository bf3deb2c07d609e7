import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Dashboard, Widget } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SaveProblem } from '../../components/SaveProblem';
import { useSession } from '../../session/SessionProvider';
import { DashboardToolbar } from './DashboardToolbar';
import { DataStatus } from './DataStatus';
import { ExportMenu } from './ExportMenu';
import { AddWidgetForm } from './editor/AddWidgetForm';
import { EditorActions } from './editor/EditorActions';
import { useDashboardDraft } from './editor/useDashboardDraft';
import { WidgetEditControls } from './editor/WidgetEditControls';
import { drillDownUrl, type DrillTarget } from './model/drillDown';
import { appendWidget, moveWidget, removeWidget, resizeWidget } from './model/layout';
import { readView, writeView } from './model/view';
import { useDashboardData } from './useDashboardData';
import { WidgetBody } from './widgets/WidgetBody';
import { WidgetFrame } from './widgets/WidgetFrame';
import { WidgetGrid } from './WidgetGrid';
import { usePageTitle } from '../../components/usePageTitle';

export function DashboardPage() {
  const { id = '' } = useParams();
  // A fresh loader per dashboard: going from one dashboard to another must not show the first one's data.
  return <DashboardLoader key={id} id={id} />;
}

function DashboardLoader({ id }: { id: string }) {
  const { resource, refresh } = useResource((signal) => api.dashboard(id, signal));
  usePageTitle(resource.data?.name ?? 'Dashboard', 'Dashboards');
  if (resource.state === 'loading') return <p className="muted" role="status">Loading the dashboard…</p>;
  if (!resource.data) return <ProblemAlert error={resource.error} />;
  return <DashboardScreen dashboard={resource.data} onSaved={refresh} />;
}

function DashboardScreen({ dashboard, onSaved }: { dashboard: Dashboard; onSaved: () => void }) {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const [reloads, setReloads] = useState(0);
  const data = useDashboardData(dashboard.id, view, reloads);
  // What each metric accepts, for drill-down, and what can be added in edit mode.
  const catalog = useResource((signal) => api.metricsCatalog(signal)).resource;
  const editor = useDashboardDraft(dashboard, () => {
    onSaved();
    setReloads((n) => n + 1);
  });
  const draft = editor.draft;
  const widgets = draft?.widgets ?? dashboard.widgets;
  const results = useMemo(() => new Map(data.loaded?.data.widgets.map((w) => [w.widgetId, w])), [data.loaded]);
  const setWidgets = (update: (widgets: Widget[]) => Widget[]) => editor.change((current) => ({ ...current, widgets: update(current.widgets) }));

  return (
    <section className="page dashboard-page">
      <p className="breadcrumbs"><Link to="/dashboards">Dashboards</Link> / {dashboard.name}</p>
      <header className="page-header with-actions">
        <div className="dashboard-title">
          {draft ? (
            <input className="title-input" aria-label="Dashboard name" value={draft.name}
              onChange={(e) => editor.change((current) => ({ ...current, name: e.target.value }))} />
          ) : (
            <h1>{dashboard.name}</h1>
          )}
          {dashboard.description && !draft && <p className="muted">{dashboard.description}</p>}
          {data.loaded && <DataStatus from={data.loaded.data.from} to={data.loaded.data.to} loadedAt={data.loaded.loadedAt} cache={data.loaded.cache} />}
        </div>
        <div className="links">
          {!draft && <ExportMenu dashboardId={dashboard.id} view={view} />}
          {can('dashboards:edit') && (
            <EditorActions editing={!!draft} saving={editor.saving} onEdit={editor.start} onSave={() => void editor.save()} onCancel={editor.cancel} />
          )}
        </div>
      </header>
      <SaveProblem error={editor.error} />
      {draft && <AddWidgetForm catalog={catalog} onAdd={(widget) => setWidgets((current) => appendWidget(current, widget))} />}
      <DashboardToolbar key={params.toString()} view={view} onChange={(next) => setParams(writeView(next))}
        onRefresh={() => setReloads((n) => n + 1)} busy={data.loading} />
      <ProblemAlert error={data.error} />
      {widgets.length === 0 && (
        <p className="card muted">This dashboard has no widgets yet.{can('dashboards:edit') && !draft ? ' Edit it to add some.' : ''}</p>
      )}
      <WidgetGrid widgets={widgets}>
        {(widget) => {
          const entry = results.get(widget.id);
          const result = entry?.result ?? null;
          const accepts = catalog.data?.find((metric) => metric.code === widget.query.metric)?.filters;
          // Leaving the page while editing would lose the changes: no drill-down in edit mode.
          const drillUrl = result && !draft
            ? (target: DrillTarget) => drillDownUrl({ result, widgetFilters: widget.query.filters, dashboardFilters: view.filters, accepts, target })
            : undefined;
          const controls = draft ? (
            <WidgetEditControls widget={widget} widgets={widgets}
              onMove={(direction) => setWidgets((current) => moveWidget(current, widget.id, direction))}
              onResize={(change) => setWidgets((current) => resizeWidget(current, widget.id, change))}
              onRemove={() => setWidgets((current) => removeWidget(current, widget.id))} />
          ) : undefined;
          return (
            <WidgetFrame title={widget.title} result={result} controls={controls}>
              <WidgetBody title={widget.title} chart={widget.chart} data={entry} loading={data.loading} drillUrl={drillUrl} />
            </WidgetFrame>
          );
        }}
      </WidgetGrid>
    </section>
  );
}
