import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppShell } from './components/AppShell';
import { AlertRulesPage } from './pages/alerts/AlertRulesPage';
import { AlertChannelsPage } from './pages/alerts/channels/AlertChannelsPage';
import { RuleDetailPage } from './pages/alerts/detail/RuleDetailPage';
import { RuleEditorPage } from './pages/alerts/editor/RuleEditorPage';
import { AlertHistoryPage } from './pages/alerts/history/AlertHistoryPage';
import { AcceptInvitationPage } from './pages/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { SignUpPage } from './pages/auth/SignUpPage';
import { DashboardsPage } from './pages/dashboards/DashboardsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { ApiKeysPage } from './pages/settings/ApiKeysPage';
import { AuditPage } from './pages/settings/AuditPage';
import { MembersPage } from './pages/settings/MembersPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { JobDetailPage } from './pages/runs/JobDetailPage';
import { RunDetailPage } from './pages/runs/RunDetailPage';
import { RunsPage } from './pages/runs/RunsPage';
import { WebhooksPage } from './pages/settings/WebhooksPage';
import { StatusPage } from './pages/StatusPage';
import { RequireSession } from './session/RequireSession';

// Its own chunk: ECharts is loaded only by those who open a dashboard.
const DashboardPage = lazy(() => import('./pages/dashboards/DashboardPage').then((module) => ({ default: module.DashboardPage })));
// Its own chunk too; the confusion heatmaps on it load ECharts only once a model card is shown.
const ModelsPage = lazy(() => import('./pages/models/ModelsPage').then((module) => ({ default: module.ModelsPage })));

export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<OverviewPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invite" element={<AcceptInvitationPage />} />
        <Route path="dashboards" element={<RequireSession permission="data:read"><DashboardsPage /></RequireSession>} />
        <Route path="dashboards/:id" element={
          <RequireSession permission="data:read">
            <Suspense fallback={<p className="muted" role="status">Loading the dashboard…</p>}><DashboardPage /></Suspense>
          </RequireSession>
        } />
        <Route path="alerts" element={<RequireSession permission="data:read"><AlertRulesPage /></RequireSession>} />
        <Route path="alerts/new" element={<RequireSession permission="alerts:manage"><RuleEditorPage /></RequireSession>} />
        <Route path="alerts/rules/:id" element={<RequireSession permission="data:read"><RuleDetailPage /></RequireSession>} />
        <Route path="alerts/rules/:id/edit" element={<RequireSession permission="alerts:manage"><RuleEditorPage /></RequireSession>} />
        <Route path="alerts/history" element={<RequireSession permission="data:read"><AlertHistoryPage /></RequireSession>} />
        <Route path="alerts/channels" element={<RequireSession permission="data:read"><AlertChannelsPage /></RequireSession>} />
        <Route path="reports" element={<RequireSession permission="data:read"><ReportsPage /></RequireSession>} />
        <Route path="runs" element={<RequireSession permission="data:read"><RunsPage /></RequireSession>} />
        <Route path="runs/:runId" element={<RequireSession permission="data:read"><RunDetailPage /></RequireSession>} />
        <Route path="jobs/:jobId" element={<RequireSession permission="data:read"><JobDetailPage /></RequireSession>} />
        <Route path="models" element={
          <RequireSession permission="data:read">
            <Suspense fallback={<p className="muted" role="status">Loading the models…</p>}><ModelsPage /></Suspense>
          </RequireSession>
        } />
        <Route path="integrations" element={<RequireSession permission="apikeys:manage"><WebhooksPage /></RequireSession>} />
        <Route path="members" element={<RequireSession permission="members:manage"><MembersPage /></RequireSession>} />
        <Route path="api-keys" element={<RequireSession permission="apikeys:manage"><ApiKeysPage /></RequireSession>} />
        <Route path="audit" element={<RequireSession permission="audit:read"><AuditPage /></RequireSession>} />
        <Route path="settings" element={<RequireSession permission="settings:manage"><SettingsPage /></RequireSession>} />
        <Route path="status" element={<StatusPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
