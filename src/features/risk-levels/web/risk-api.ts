import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../../web/api.ts';
import { firstPaint } from '../../../web/first-paint.ts';
// Types only: the schemas (and zod) stay out of the bundle.
import type {
  announceBody,
  announcement,
  historyAnswer,
  mapAnswer,
  replayAnswer,
  riskLevelsAnswer,
  ruleSetAnswer,
  whyAnswer,
} from '../schemas.ts';

export type RiskLevelsView = z.infer<typeof riskLevelsAnswer>;
export type UnitRiskLevel = RiskLevelsView['units'][number];
export type WhyView = z.infer<typeof whyAnswer>;
export type ReplayView = z.infer<typeof replayAnswer>;
export type HistoryView = z.infer<typeof historyAnswer>;
export type Announcement = z.infer<typeof announcement>;
export type RuleSetView = z.infer<typeof ruleSetAnswer>;
export type MapView = z.infer<typeof mapAnswer>;

export function useLevelMap(unit: string, week: string) {
  return useQuery({
    queryKey: [...RISK, 'map', unit, week],
    queryFn: () => api<MapView>('GET', `/api/risk-levels/map${query({ unit, week })}`),
    // The map the server painted with the page (risk-levels/first-paint.ts): shown at once, not asked again.
    initialData: () => {
      const painted = firstPaint();
      const data = painted?.data as MapView | undefined;
      return painted?.path === location.pathname + location.search && data?.week === week ? data : undefined;
    },
    placeholderData: keepPreviousData,
    enabled: unit !== '' && week !== '',
  });
}

const RISK = ['riskLevels'] as const;

/** The measures of a level in force on a day (the capacity capability's route). */
export interface MeasuresView {
  ruleSet: { id: string; name: string };
  measures: {
    activity: string;
    restriction: string;
    provisional: boolean;
    name: { vi: string; en: string };
    text: { vi: string; en: string };
  }[];
}

export function useMeasures(level: number, date: string) {
  return useQuery({
    queryKey: [...RISK, 'measures', level, date],
    queryFn: () => api<MeasuresView>('GET', `/api/measures${query({ level, date })}`),
    staleTime: 3_600_000,
  });
}

export function useRiskLevels(unit: string, week: string, ruleSet?: string) {
  return useQuery({
    queryKey: [...RISK, 'levels', unit, week, ruleSet],
    queryFn: () => api<RiskLevelsView>('GET', `/api/risk-levels${query({ unit, week, ruleSet })}`),
    placeholderData: keepPreviousData,
    enabled: unit !== '' && week !== '',
  });
}

export function useWhy(unit: string, week: string) {
  return useQuery({
    queryKey: [...RISK, 'why', unit, week],
    queryFn: () => api<WhyView>('GET', `/api/risk-levels/why${query({ unit, week })}`),
    enabled: unit !== '' && week !== '',
  });
}

export function useReplay(unit: string, week: string, a: string, b: string) {
  return useQuery({
    queryKey: [...RISK, 'replay', unit, week, a, b],
    queryFn: () => api<ReplayView>('GET', `/api/risk-levels/replay${query({ unit, week, a, b })}`),
    enabled: unit !== '' && week !== '' && a !== '' && b !== '',
  });
}

export function useRuleSets() {
  return useQuery({
    queryKey: [...RISK, 'rule-sets'],
    queryFn: () => api<{ ruleSets: RuleSetView[] }>('GET', '/api/risk-levels/rule-sets'),
  });
}

export function useHistory(unit: string) {
  return useQuery({
    queryKey: [...RISK, 'history', unit],
    queryFn: () => api<HistoryView>('GET', `/api/risk-levels/announcements${query({ unit })}`),
  });
}

export function useAnnounce() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof announceBody>) =>
      api<Announcement>('POST', '/api/risk-levels/announcements', body),
    onSuccess: () => client.invalidateQueries({ queryKey: RISK }),
  });
}

/** ISO weeks (pure rules, shared with the server): the week of a day, the last one closed on a Sunday. */
export { lastClosedWeek, weekOf } from '../rules/week.ts';

export const LEVEL_CLASS = { 1: 'risk-1', 2: 'risk-2', 3: 'risk-3', 4: 'risk-4' } as Record<number, string>;
