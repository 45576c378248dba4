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

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AppShell />}>
        <Route index element={<HomeRedirect />} />
        <Route path="/areas/:code" element={<AreaPage />} />
        <Route path="/profile" element={<ProfilePage />} />
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
