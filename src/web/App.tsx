import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AreaPage } from '../features/admin-units/web/AreaPage.tsx';
import { LoginPage } from '../features/auth/web/LoginPage.tsx';
import { AppShell } from './AppShell.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAdmin } from './RequireAdmin.tsx';

// Pages most users never open load on demand: a commune phone downloads only the login and area pages.
const ProfilePage = lazy(() =>
  import('../features/auth/web/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })),
);
const UsersPage = lazy(() =>
  import('../features/auth/web/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/web/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
// The resident registry: its own chunks, loaded when a user opens it.
const PersonListPage = lazy(() =>
  import('../features/persons/web/PersonListPage.tsx').then((m) => ({ default: m.PersonListPage })),
);
const PersonPage = lazy(() =>
  import('../features/persons/web/PersonPage.tsx').then((m) => ({ default: m.PersonPage })),
);
const ImportPage = lazy(() =>
  import('../features/persons/web/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const ImportsPage = lazy(() =>
  import('../features/persons/web/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })),
);
const DuplicatesPage = lazy(() =>
  import('../features/persons/web/DuplicatesPage.tsx').then((m) => ({ default: m.DuplicatesPage })),
);
const PrintPage = lazy(() =>
  import('../features/persons/web/PrintPage.tsx').then((m) => ({ default: m.PrintPage })),
);
// Directives (journeys 1 and 2): one chunk per page; ECharts loads only with the compliance chart.
const InboxPage = lazy(() =>
  import('../features/directives/web/InboxPage.tsx').then((m) => ({ default: m.InboxPage })),
);
const NewDocumentPage = lazy(() =>
  import('../features/directives/web/NewDocumentPage.tsx').then((m) => ({ default: m.NewDocumentPage })),
);
const DocumentPage = lazy(() =>
  import('../features/directives/web/DocumentPage.tsx').then((m) => ({ default: m.DocumentPage })),
);
const TaskPage = lazy(() =>
  import('../features/directives/web/TaskPage.tsx').then((m) => ({ default: m.TaskPage })),
);
const CompliancePage = lazy(() =>
  import('../features/directives/web/CompliancePage.tsx').then((m) => ({ default: m.CompliancePage })),
);
const SteeringPage = lazy(() =>
  import('../features/directives/web/SteeringPage.tsx').then((m) => ({ default: m.SteeringPage })),
);

// Vaccination (journeys 3 and 6): coverage, targets, sessions, worklists, dose import; ECharts shared with the
// compliance chart (src/web/charts).
const CoveragePage = lazy(() =>
  import('../features/vaccination/web/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage })),
);
const WorklistPage = lazy(() =>
  import('../features/vaccination/web/WorklistPage.tsx').then((m) => ({ default: m.WorklistPage })),
);
const TargetsPage = lazy(() =>
  import('../features/vaccination/web/TargetsPage.tsx').then((m) => ({ default: m.TargetsPage })),
);
const SessionsPage = lazy(() =>
  import('../features/vaccination/web/SessionsPage.tsx').then((m) => ({ default: m.SessionsPage })),
);
const DoseImportPage = lazy(() =>
  import('../features/vaccination/web/DoseImportPage.tsx').then((m) => ({ default: m.DoseImportPage })),
);

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AppShell />}>
        <Route index element={<HomeRedirect />} />
        <Route path="/areas/:code" element={<AreaPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/persons" element={<PersonListPage />} />
        <Route path="/persons/import" element={<ImportPage />} />
        <Route path="/persons/imports" element={<ImportsPage />} />
        <Route path="/persons/duplicates" element={<DuplicatesPage />} />
        <Route path="/persons/print" element={<PrintPage />} />
        <Route path="/persons/:id" element={<PersonPage />} />
        <Route path="/directives" element={<InboxPage />} />
        <Route path="/directives/new" element={<NewDocumentPage />} />
        <Route path="/directives/documents/:id" element={<DocumentPage />} />
        <Route path="/directives/tasks/:id" element={<TaskPage />} />
        <Route path="/directives/compliance" element={<CompliancePage />} />
        <Route path="/directives/steering" element={<SteeringPage />} />
        <Route path="/vaccination" element={<CoveragePage />} />
        <Route path="/vaccination/targets" element={<TargetsPage />} />
        <Route path="/vaccination/sessions" element={<SessionsPage />} />
        <Route path="/vaccination/worklist" element={<WorklistPage />} />
        <Route path="/vaccination/import" element={<DoseImportPage />} />
        <Route
          path="/admin/users"
          element={
            <RequireAdmin>
              <UsersPage />
            </RequireAdmin>
          }
        />
        <Route
          path="/admin/audit"
          element={
            <RequireAdmin>
              <AuditPage />
            </RequireAdmin>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
