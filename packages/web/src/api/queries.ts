// TanStack Query hooks, one per API resource the screens read, and the mutations of the session.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { addDays, localDate } from '../calendar.js';
import { get, request, setCsrfToken, ApiError } from './http.js';
import { isLanguage } from '../i18n/index.js';
import type {
  AccessLogEntry, Billing, ClientDetail, ClientSummary, FollowUp, MyDay, Page, PersonRef, SessionAnswer, Team, TeamDay,
  UnitOverview, UserAccount, Visit,
} from './types.js';

const enc = encodeURIComponent;

/** The municipality's time zone until the session names it (see API-REQUESTS.md). */
export const defaultTimeZone = 'Europe/Stockholm';

export const sessionKey = ['session'] as const;

/** The signed-in user, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionAnswer | null> => {
      try {
        const s = await get<SessionAnswer>('/api/auth/session');
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** The municipality's "today": from the server when it says, otherwise from this device's clock. */
export function useToday(): string {
  const session = useSession().data;
  return session?.today ?? localDate(new Date(), session?.timeZone ?? defaultTimeZone);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    /** `locale`: a language chosen on this device before signing in; it becomes the account's. */
    mutationFn: async ({ locale, ...body }: { username: string; password: string; locale?: string | null }) => {
      const s = await request<SessionAnswer>('POST', '/api/auth/login', body);
      setCsrfToken(s.csrfToken);
      if (!locale || locale === s.user.locale) return s;
      // Staff screens are in the staff languages only; a client language chosen on the sign-in
      // page is not offered to a staff account (the server would refuse it).
      const reader = s.user.role === 'client' || s.user.role === 'relative';
      if (!reader && !isLanguage(locale)) return s;
      try {
        await request<{ locale: string }>('PUT', '/api/auth/locale', { locale });
        return { ...s, user: { ...s.user, locale } };
      } catch {
        return s;
      }
    },
    onSuccess: (s) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, s);
    },
  });
}

/**
 * Forget everything read while signed in (nothing may stay in memory for the next person on this
 * device) and show the login page. The session query itself is kept, set to null, so that the
 * components watching it see the change.
 */
export function signedOut(qc: QueryClient): void {
  setCsrfToken(null);
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  qc.setQueryData(sessionKey, null);
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('POST', '/api/auth/logout'),
    onSettled: () => {
      signedOut(qc);
    },
  });
}

/** Save the signed-in user's interface language on the account, and in the cached session. */
export function useSaveLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: string) => request<{ locale: string }>('PUT', '/api/auth/locale', { locale }),
    onSuccess: ({ locale }) => {
      qc.setQueryData<SessionAnswer | null>(sessionKey, (s) => (s ? { ...s, user: { ...s.user, locale } } : s));
    },
  });
}

export function useTeams(enabled = true) {
  return useQuery({ queryKey: ['teams'], queryFn: () => get<Page<Team>>('/api/teams'), enabled });
}

export function useTeamDay(teamId: string | null | undefined, date: string) {
  return useQuery({
    queryKey: ['team-day', teamId, date],
    queryFn: () => get<TeamDay>(`/api/teams/${enc(teamId!)}/days/${enc(date)}`),
    enabled: !!teamId,
  });
}

export function useMyDay(date?: string) {
  return useQuery({
    queryKey: ['my-day', date ?? 'today'],
    queryFn: () => get<MyDay>(`/api/me/day${date ? `?date=${enc(date)}` : ''}`),
  });
}

export function useMyClients() {
  return useQuery({ queryKey: ['my-clients'], queryFn: () => get<Page<PersonRef>>('/api/me/clients') });
}

export function useUnitOverview(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['unit-overview', unitId],
    queryFn: () => get<UnitOverview>(`/api/units/${enc(unitId!)}/overview`),
    enabled: !!unitId,
  });
}

export function useTeamClients(teamId: string | undefined) {
  return useQuery({
    queryKey: ['clients', teamId],
    queryFn: () => get<Page<ClientSummary>>(`/api/clients?teamId=${enc(teamId!)}&limit=500`),
    enabled: !!teamId,
  });
}

export function useClient(clientId: string | undefined) {
  return useQuery({
    queryKey: ['client', clientId],
    queryFn: () => get<ClientDetail>(`/api/clients/${enc(clientId!)}`),
    enabled: !!clientId,
  });
}

/** A client's visits from `from` for `days` more days. */
export function useClientVisits(clientId: string | undefined, from: string, days: number) {
  const to = addDays(from, days);
  return useQuery({
    queryKey: ['client-visits', clientId, from, to],
    queryFn: () => get<Page<Visit>>(`/api/clients/${enc(clientId!)}/visits?from=${enc(from)}&to=${enc(to)}`),
    enabled: !!clientId,
  });
}

export function useAccessLog(clientId: string | undefined, limit = 200) {
  return useQuery({
    queryKey: ['access-log', clientId, limit],
    queryFn: () => get<Page<AccessLogEntry>>(`/api/clients/${enc(clientId!)}/access-log?limit=${limit}`),
    enabled: !!clientId,
  });
}

export function useFollowUp(month: string) {
  return useQuery({ queryKey: ['follow-up', month], queryFn: () => get<FollowUp>(`/api/follow-up/${enc(month)}`) });
}

export function useBilling(month: string) {
  return useQuery({ queryKey: ['billing', month], queryFn: () => get<Billing>(`/api/billing/${enc(month)}`) });
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => get<Page<UserAccount>>('/api/admin/users') });
}
