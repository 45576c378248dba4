import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type { situationSummaryAnswer } from '../schemas.ts';

export type SituationView = z.infer<typeof situationSummaryAnswer>;
export type TileView = SituationView['tiles'][number];
export type UnitFiguresView = SituationView['figures'];

/** The screen refreshes itself every five minutes; an unchanged answer costs a 304 (the browser's ETag). */
export const REFRESH_MS = 5 * 60_000;

export function useSituation(unit: string, date: string | null) {
  return useQuery({
    queryKey: ['situationRoom', unit, date],
    queryFn: () => api<SituationView>('GET', `/api/situation-room${query({ unit, date })}`),
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
