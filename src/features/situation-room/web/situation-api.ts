import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { firstPaint } from '../../../web/first-paint.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { situationSummaryAnswer } from '../schemas.ts';

export type SituationView = z.infer<typeof situationSummaryAnswer>;
export type TileView = SituationView['tiles'][number];
export type UnitFiguresView = SituationView['figures'];

/** The screen refreshes itself every five minutes; an unchanged answer costs a 304 (the browser's ETag). */
export const REFRESH_MS = 5 * 60_000;

const pathOf = (unit: string, date: string | null) => `/api/situation-room${query({ unit, date })}`;

/**
 * Opened at the room's address, the summary is at hand before the page renders: the server painted the room and
 * inlined its summary (src/web/first-paint.ts), else it is asked for as soon as this chunk arrives (the shell
 * loads it alongside the session check), not after the session answered and the page rendered: a round trip
 * less on a slow link. The first query of the same address takes it.
 */
let early: { path: string; answer?: Promise<SituationView>; data?: SituationView } | null = null;
if (typeof location !== 'undefined' && location.pathname === '/situation-room') {
  const p = new URLSearchParams(location.search);
  const path = pathOf(p.get('unit') ?? '', p.get('date'));
  const painted = firstPaint();
  if (painted?.path === location.pathname + location.search)
    early = { path, data: painted.data as SituationView };
  else {
    // A plain fetch: a refusal (no session yet) is left to the page's own request and the shell's login redirect.
    const answer = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(
      (r) => (r.ok ? (r.json() as Promise<SituationView>) : Promise.reject(new Error(String(r.status)))),
    );
    answer.catch(() => undefined);
    early = { path, answer };
  }
}

/** `unit` '' is the user's own unit (the server's default). */
export function useSituation(unit: string, date: string | null) {
  return useQuery({
    queryKey: ['situationRoom', unit, date],
    // The summary the server inlined with the page it painted: shown at once, refreshed on the usual schedule.
    initialData: () => {
      const inlined = early?.path === pathOf(unit, date) ? early.data : undefined;
      if (inlined) early = null;
      return inlined;
    },
    queryFn: () => {
      const path = pathOf(unit, date);
      const taken = early?.path === path ? early.answer : null;
      early = null;
      const asked = () => api<SituationView>('GET', path);
      return taken ? taken.catch(asked) : asked();
    },
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
}

/** The export addresses of the same unit and day (downloads: plain links). */
export const exportLinks = (unit: string, date: string) => ({
  csv: `/api/situation-room/summary.csv${query({ unit, date })}`,
  dhis2: `/api/situation-room/dhis2${query({ unit, date })}`,
  fhir: `/api/situation-room/measure-report${query({ unit, date })}`,
});
