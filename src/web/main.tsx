import './i18n.ts';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App, preloadPage } from './App.tsx';
import { isApiError } from './api.ts';
import { firstPaint } from './first-paint.ts';
import { ME_KEY } from './session.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Slow links: keep answers a minute, do not refetch on every focus, retry only network failures.
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        failures < 2 && (!isApiError(error) || error.status === 0 || error.status >= 502),
    },
    mutations: { retry: false },
  },
});

const page = preloadPage(window.location.pathname);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// A page the server painted (the situation room) stays on screen until its own chunk has arrived: the app then
// draws it at once, with the user and the data the server inlined, instead of a loading state in between.
const painted = firstPaint();
if (painted) queryClient.setQueryData(ME_KEY, painted.me);
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
if (painted && page) page.then(render, render);
else render();
