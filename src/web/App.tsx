import { Suspense } from 'react';
import { matchPath, Route, Routes } from 'react-router-dom';
import { AppShell } from './AppShell.tsx';
import { CalendarBanner } from './CalendarBanner.tsx';
import type { FeaturePage } from './feature-pages.ts';
import { webFeatures } from './features.ts';
import { HomeRedirect } from './HomeRedirect.tsx';
import { Loading } from './Loading.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireAdmin } from './RequireAdmin.tsx';

// Each feature declares its pages (most load on demand, in chunks of their own: a commune phone downloads only
// the login and area pages first).

function element({ component: Page, admin }: FeaturePage) {
  return admin ? (
    <RequireAdmin>
      <Page />
    </RequireAdmin>
  ) : (
    <Page />
  );
}

const pages: FeaturePage[] = webFeatures.flatMap((f) => f.pages ?? []);

/** Starts loading the page an address opens, alongside the session check rather than after it (slow links). */
export function preloadPage(pathname: string): Promise<unknown> | null {
  const page = pages.find((p) => matchPath(p.path, pathname));
  return page && 'preload' in page.component ? page.component.preload() : null;
}

export function App() {
  return (
    <>
      <CalendarBanner />
      <Routes>
        {pages
          .filter((p) => p.public)
          .map((p) => (
            <Route
              key={p.path}
              path={p.path}
              element={<Suspense fallback={<Loading />}>{element(p)}</Suspense>}
            />
          ))}
        <Route element={<AppShell />}>
          <Route index element={<HomeRedirect />} />
          {pages
            .filter((p) => !p.public)
            .map((p) => (
              <Route key={p.path} path={p.path} element={element(p)} />
            ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
