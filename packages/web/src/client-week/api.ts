// What the client's own view reads and writes: the week (GET /api/clients/:id/week), "something
// went wrong" reports (deviations), and a relative's calendar feeds.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../api/http.js';

const enc = encodeURIComponent;

export interface WeekPerson {
  firstName: string;
  initials: string;
  photoUrl: string | null;
  isFixedContact: boolean;
}

export interface WeekChange {
  kind: 'person' | 'moved' | 'cancelled' | 'added';
  before?: string[];
  after?: string[];
}

export interface WeekVisit {
  id: string;
  windowStart: string;
  windowEnd: string;
  title: string;
  serviceType: string;
  video: boolean;
  status: string;
  /** Null until the team has published the day. */
  staff: WeekPerson[] | null;
  /** What changed since this viewer last looked. */
  changes: WeekChange[];
}

export interface Week {
  from: string;
  team: { name: string; phone: string };
  fixedContact: (WeekPerson & { lastName: string; workingDays: { date: string; start: string; end: string }[] }) | null;
  days: { date: string; published: boolean; visits: WeekVisit[] }[];
}

export interface MyDeviation {
  id: string;
  type: string;
  state: string;
  occurredAt: string;
  reportedAt: string;
  description: string;
  actions: string | null;
  clientToldAt: string | null;
  closedAt: string | null;
}

export interface CalendarFeed {
  id: string;
  createdAt: string;
  revoked: boolean;
}

/**
 * The week. Reading it marks the changes as seen on the server, so it is read once per visit to
 * the page and kept: a refetch would lose the highlights the person has not read yet.
 */
export function useWeek(clientId: string | undefined) {
  return useQuery({
    queryKey: ['client-week', clientId],
    queryFn: () => get<Week>(`/api/clients/${enc(clientId!)}/week`),
    enabled: !!clientId,
    staleTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  });
}

/** The client's own reports with their status and the team's answer. */
export function useMyDeviations(clientId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['client-week-deviations', clientId],
    queryFn: () => get<{ items: MyDeviation[] }>(`/api/deviations?clientId=${enc(clientId!)}`),
    enabled: !!clientId && enabled,
  });
}

export interface NewReport {
  clientId: string;
  type: 'missed_visit' | 'late_visit' | 'other';
  description: string;
  occurredAt: string;
}

export function useReportDeviation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (r: NewReport) => request<{ id: string; state: string }>('POST', '/api/deviations', {
      clientId: r.clientId, type: r.type, description: r.description, occurredAt: r.occurredAt,
    }),
    onSuccess: (_, r) => qc.invalidateQueries({ queryKey: ['client-week-deviations', r.clientId] }),
  });
}

export function useCalendarFeeds(clientId: string) {
  return useQuery({
    queryKey: ['client-week-feeds', clientId],
    queryFn: () => get<{ items: CalendarFeed[] }>(`/api/clients/${enc(clientId)}/calendar-feeds`),
  });
}

export function useCreateFeed(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<{ id: string; url: string }>('POST', `/api/clients/${enc(clientId)}/calendar-feeds`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['client-week-feeds', clientId] }),
  });
}

export function useRevokeFeed(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => request<void>('DELETE', `/api/calendar-feeds/${enc(feedId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['client-week-feeds', clientId] }),
  });
}

/** @returns the address of the printable weekly letter (PDF) of next week. */
export const weeklyLetterUrl = (clientId: string) => `/api/clients/${enc(clientId)}/weekly-letter`;
