// Panels on the coordinator's team day: print the team's weekly letters, see messages to clients
// and relatives that could not be sent, and the other teams' visits to the team's clients.
import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../api/http.js';
import { useTeamDay } from '../api/queries.js';
import { useFormats } from '../ui/format.js';
import { useExtrasT } from './i18n.js';

interface Notification {
  id: string; clientName: string; recipientKind: string; channel: string; status: string; attempts: number; lastError: string | null; createdAt: string;
}

export function TeamExtras({ teamId, date }: { teamId: string; date: string }) {
  return (
    <>
      <OtherTeamsVisits teamId={teamId} date={date} />
      <FailedMessages teamId={teamId} />
      <WeeklyLetters teamId={teamId} />
    </>
  );
}

interface MadeLetters { week: string; clients: number; letters: { id: string; clientId: string; clientName: string; language: string; version: number; madeAt: string }[] }

function WeeklyLetters({ teamId }: { teamId: string }) {
  const { t } = useExtrasT();
  const fmt = useFormats();
  const id = useId();
  const queryClient = useQueryClient();
  const made = useQuery({ queryKey: ['weekly-letters', teamId], queryFn: () => request<MadeLetters>('GET', `/api/teams/${teamId}/weekly-letters/made`) });
  const makeAgain = useMutation({
    mutationFn: () => request<{ week: string; made: number; unchanged: number }>('POST', `/api/teams/${teamId}/weekly-letters/make`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['weekly-letters', teamId] }),
  });
  const data = made.data;
  const latest = data?.letters.reduce<string | null>((m, l) => (m === null || l.madeAt > m ? l.madeAt : m), null) ?? null;
  const week = data ? Number(data.week.slice(6)) : null;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('letters.heading')}</h2>
      <p>{t('letters.text')}</p>
      {data ? (
        <p role="status">
          {latest
            ? t('letters.made', { week, madeAt: fmt.dateTime(latest), count: data.letters.length, total: data.clients })
            : t('letters.notMade', { week })}
        </p>
      ) : null}
      {makeAgain.data ? <p role="status">{t('letters.madeNow', { made: makeAgain.data.made, unchanged: makeAgain.data.unchanged })}</p> : null}
      {makeAgain.isError ? <p role="alert">{t('letters.makeFailed')}</p> : null}
      <p>
        <a href={`/api/teams/${teamId}/weekly-letters`} target="_blank" rel="noopener">{t('letters.link')}</a>{' '}
        <button type="button" onClick={() => makeAgain.mutate()} disabled={makeAgain.isPending}>
          {makeAgain.isPending ? t('letters.making') : t('letters.makeAgain')}
        </button>
      </p>
    </section>
  );
}

function FailedMessages({ teamId }: { teamId: string }) {
  const { t } = useExtrasT();
  const id = useId();
  const failed = useQuery({ queryKey: ['notifications', teamId, 'failed'], queryFn: () => request<{ items: Notification[] }>('GET', `/api/teams/${teamId}/notifications?status=failed`) });
  const pending = useQuery({ queryKey: ['notifications', teamId, 'pending'], queryFn: () => request<{ items: Notification[] }>('GET', `/api/teams/${teamId}/notifications?status=pending`) });
  if (!failed.data || !pending.data) return null;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('messages.heading')}</h2>
      {pending.data.items.length > 0 ? <p>{t('messages.pending', { count: pending.data.items.length })}</p> : null}
      {failed.data.items.length === 0 ? <p className="muted">{t('messages.none')}</p> : (
        <>
          <h3>{t('messages.failed')}</h3>
          <ul>
            {failed.data.items.map((n) => (
              <li key={n.id}>
                <strong>{n.clientName}</strong> — {t(`messages.channel_${n.channel}`)} {t(`messages.to_${n.recipientKind}`)}.{' '}
                {n.lastError ? t('messages.error', { error: n.lastError }) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface OtherVisit { id: string; teamName: string; windowStart: string; windowEnd: string; title: string; client: { firstName: string; lastName: string }; staff: { firstName: string; lastName: string }[] }

function OtherTeamsVisits({ teamId, date }: { teamId: string; date: string }) {
  const { t } = useExtrasT();
  const id = useId();
  const day = useTeamDay(teamId, date);
  const others = (day.data as unknown as { otherTeamsVisits?: OtherVisit[] } | undefined)?.otherTeamsVisits;
  if (!others) return null;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('others.heading')}</h2>
      <p className="muted">{t('others.text')}</p>
      {others.length === 0 ? <p>{t('others.none')}</p> : (
        <ul>
          {others.map((v) => (
            <li key={v.id}>
              <span className="nowrap">{v.windowStart}–{v.windowEnd}</span> {v.client.firstName} {v.client.lastName}: {v.title} — {v.teamName}
              {v.staff.length > 0 ? ` (${v.staff.map((s) => s.firstName).join(', ')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
