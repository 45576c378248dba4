import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarResponse } from '../server/calendar-routes.ts';
import { api } from './api.ts';

export type Calendar = z.infer<typeof calendarResponse>;

/** The server's today: a demo lives on its own calendar, and the forms' default dates follow it. */
export function useCalendar() {
  return useQuery({
    queryKey: ['calendar'],
    queryFn: () => api<Calendar>('GET', '/api/calendar'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Today (yyyy-mm-dd) as the server counts it; the device's day until the server has answered. */
export function useToday(): string {
  const { data } = useCalendar();
  if (data) return data.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
