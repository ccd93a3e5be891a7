// "Min dag" on the phone (issue 5): my visits in order with their time window (never a minute
// countdown), the client, the address with a link for the map app, today's tasks, how the
// client likes it done and the key facts; who shares a double-staffed visit. "Klar" records the
// visit as done with the real times if I want (the plan's by default) and a short note: nothing
// is timed, no location is read. The day is kept in IndexedDB and shown offline; marks made
// offline wait in a queue and are sent when the connection returns; a conflict shows both
// versions and the person chooses. The team's day shows who has whom, to offer or ask a swap.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, get, request } from '../api/http.js';
import { sessionKey, useSession } from '../api/queries.js';
import type { MyDay, MyDayVisit, SessionAnswer, SessionUser, TeamDay } from '../api/types.js';
import { fullName, useFormats } from '../ui/format.js';
import { mapLinks } from '../ui/mapLink.js';
import { Page } from '../ui/Page.js';
import { ErrorMessage } from '../ui/QueryState.js';
import { paths } from '../navigation.js';
import { usePhoneT } from './i18n.js';
import { linkManifest, registerServiceWorker } from './pwa.js';
import { forgetOthers, loadDay, loadOutbox, saveDay, saveOutbox, type CachedDay, type Conflict, type Outbox, type RecordItem } from './store.js';
import { flushQueue, newMutationId } from './sync.js';
import './phone.css';

const hhmm = (t: string) => t.slice(0, 5);
const addMin = (t: string, min: number) => {
  const [h, m] = t.split(':').map(Number);
  const x = Math.min(23 * 60 + 59, h! * 60 + m! + min);
  return `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
};

interface PhoneDay extends CachedDay {
  fromCache: boolean;
}

function isNetworkError(e: unknown): boolean {
  return e instanceof ApiError && e.status === 0;
}

/** The day from the server, kept on the phone; from the phone when the server cannot be reached. */
function usePhoneDay(user: SessionUser) {
  const staffId = user.staffId!;
  const teamVisible = (user.role === 'staff' || user.role === 'coordinator') && !!user.teamId;
  return useQuery({
    queryKey: ['phone-day', staffId],
    queryFn: async (): Promise<PhoneDay> => {
      try {
        const day = await get<MyDay>('/api/me/day');
        let teamDay: TeamDay | null = null;
        if (teamVisible) {
          try {
            teamDay = await get<TeamDay>(`/api/teams/${encodeURIComponent(user.teamId!)}/days/${encodeURIComponent(day.date)}`);
          } catch (e) {
            if (isNetworkError(e)) throw e;
          }
        }
        const cached: CachedDay = { staffId, savedAt: new Date().toISOString(), day, teamDay };
        await forgetOthers(staffId);
        await saveDay(cached).catch(() => undefined);
        return { ...cached, fromCache: false };
      } catch (e) {
        if (!isNetworkError(e)) throw e;
        const c = await loadDay(staffId).catch(() => null);
        if (c) return { ...c, fromCache: true };
        throw e;
      }
    },
    retry: false,
    // Changes made on the board reach the phone within minutes, without a stopwatch-like poll.
    refetchInterval: 5 * 60_000,
  });
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function PhoneDayPage() {
  const session = useSession().data;
  const user = session?.user;
  const { t } = usePhoneT();
  if (!user?.staffId) return <Page title={t('title')}><p>{t('noStaff')}</p></Page>;
  return <PhoneDay user={user} />;
}

function PhoneDay({ user }: { user: SessionUser }) {
  const { t } = usePhoneT();
  const f = useFormats();
  const qc = useQueryClient();
  const staffId = user.staffId!;
  const day = usePhoneDay(user);
  const online = useOnline();
  const [outbox, setOutbox] = useState<Outbox>({ staffId, queue: [], conflicts: [] });
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    linkManifest();
    void registerServiceWorker();
    void loadOutbox(staffId).then(setOutbox).catch(() => undefined);
  }, [staffId]);

  const update = useCallback(async (fn: (o: Outbox) => Outbox) => {
    const next = fn(await loadOutbox(staffId).catch(() => outbox));
    await saveOutbox(next).catch(() => undefined);
    setOutbox(next);
    return next;
  }, [staffId, outbox]);

  const flush = useCallback(async () => {
    if (!navigator.onLine) return;
    const current = await loadOutbox(staffId).catch(() => null);
    if (!current || current.queue.length === 0) return;
    const token = qc.getQueryData<SessionAnswer | null>(sessionKey)?.csrfToken ?? null;
    const r = await flushQueue(current.queue, token);
    const next: Outbox = { staffId, queue: r.queue, conflicts: [...current.conflicts, ...r.conflicts] };
    await saveOutbox(next).catch(() => undefined);
    setOutbox(next);
    if (r.sent > 0) setNote(t('sent', { count: r.sent }));
    if (r.sent > 0 || r.conflicts.length > 0) await qc.invalidateQueries({ queryKey: ['phone-day', staffId] });
  }, [staffId, qc, t]);

  useEffect(() => {
    const back = () => {
      void flush();
      void qc.invalidateQueries({ queryKey: ['phone-day', staffId] });
    };
    window.addEventListener('online', back);
    void flush();
    return () => window.removeEventListener('online', back);
  }, [flush, qc, staffId]);

  async function markDone(v: MyDayVisit, body: RecordItem['body']) {
    const item: RecordItem = {
      mutationId: newMutationId(),
      staffId,
      visitId: v.id,
      clientName: fullName(v.client),
      baseVersion: (v as MyDayVisit & { version?: number }).version ?? 1,
      seen: { status: v.status, plannedStart: v.plannedStart, staffIds: v.staff.map((s) => s.id) },
      body,
      madeAt: new Date().toISOString(),
    };
    await update((o) => ({ ...o, queue: [...o.queue, item] }));
    setNote(navigator.onLine ? t('saving') : t('queuedOffline'));
    await flush();
  }

  async function resolve(c: Conflict, keepMine: boolean) {
    await update((o) => ({
      ...o,
      conflicts: o.conflicts.filter((x) => x.item.mutationId !== c.item.mutationId),
      // Keeping mine sends it again on the server's version, as a new write.
      queue: keepMine && c.current ? [...o.queue, { ...c.item, mutationId: newMutationId(), baseVersion: c.current.version, seen: { status: c.current.status, plannedStart: c.current.plannedStart, staffIds: c.current.staffIds } }] : o.queue,
    }));
    if (keepMine) await flush();
    else await qc.invalidateQueries({ queryKey: ['phone-day', staffId] });
  }

  const queuedIds = useMemo(() => new Set(outbox.queue.map((i) => i.visitId)), [outbox]);
  const d = day.data;
  return (
    <Page title={t('title')} subtitle={d ? f.day(d.day.date) : undefined} className="phone-day">
      <div className="phone-status" aria-live="polite">
        {!online ? <p className="notice offline-banner">{t('offline')}</p> : null}
        {d?.fromCache ? <p className="notice">{t('fromCache', { at: f.dateTime(d.savedAt) })}</p> : null}
        {outbox.queue.length > 0 ? <p className="notice" role="status">{t('waiting', { count: outbox.queue.length })}</p> : null}
        {note && outbox.queue.length === 0 ? <p className="ok-note" role="status">{note}</p> : null}
      </div>
      {outbox.conflicts.map((c) => <ConflictCard key={c.item.mutationId} conflict={c} onChoose={(mine) => void resolve(c, mine)} />)}
      {day.isError ? <ErrorMessage error={day.error} /> : null}
      {day.isPending ? <p className="loading" role="status">{t('translation:common.loading')}</p> : null}
      {d ? (
        d.day.visits.length === 0 ? <p>{t('noVisits')}</p> : (
          <>
            <p>{t('count', { count: d.day.visits.length })}</p>
            <ol className="phone-visits">
              {d.day.visits.map((v, i) => (
                <li key={v.id}>
                  {startsTrip(d.day.visits, i) ? <TripCard visits={d.day.visits} from={i} /> : null}
                  <VisitCard visit={v} index={i + 1} me={staffId} queued={queuedIds.has(v.id)} online={online} teamDay={d.teamDay} onDone={(b) => markDone(v, b)} />
                </li>
              ))}
            </ol>
          </>
        )
      ) : null}
      {d?.teamDay ? <TeamDaySection teamDay={d.teamDay} me={staffId} online={online} /> : null}
      {/* What the team's suggested plans weigh: the staff read it, the coordinator sets it. */}
      {user.teamId && (user.role === 'staff' || user.role === 'coordinator') ? (
        <p className="weights-link"><Link to={paths.planningWeights(user.teamId)}>{t('weightsLink')}</Link></p>
      ) : null}
    </Page>
  );
}

/** A visit that is a delivery of an errand trip (decision 0009) carries where it stands in the trip. */
type TripDelivery = MyDayVisit & { errandTrip?: { id: string; kinds: string[]; start: string | null; stop: number; stops: number } | null };
const tripOf = (v: MyDayVisit) => (v as TripDelivery).errandTrip ?? null;

/** Whether the i-th visit is the first of an errand trip in the list. */
function startsTrip(visits: readonly MyDayVisit[], i: number): boolean {
  const trip = tripOf(visits[i]!);
  return !!trip && (i === 0 || tripOf(visits[i - 1]!)?.id !== trip.id);
}

/** The errand trip before its first delivery: shop first, then deliver in this order. */
function TripCard({ visits, from }: { visits: readonly MyDayVisit[]; from: number }) {
  const { t } = usePhoneT();
  const trip = tripOf(visits[from]!)!;
  const deliveries = visits.filter((v) => tripOf(v)?.id === trip.id);
  const headingId = `phone-trip-${trip.id}`;
  return (
    <section className="card phone-trip" aria-labelledby={headingId} data-trip-id={trip.id}>
      <h2 id={headingId}>
        {trip.start ? <span className="time">{hhmm(trip.start)}</span> : null}
        <span>{t(`trip.kind.${trip.kinds.join('-')}`)}</span>
      </h2>
      <p>{t('trip.shopFirst', { count: deliveries.length })}</p>
      <ol className="trip-order">
        {deliveries.map((v) => (
          <li key={v.id}>
            <span className="time">{v.plannedStart ? hhmm(v.plannedStart) : ''}</span> {fullName(v.client)}, {v.client.street}
          </li>
        ))}
      </ol>
    </section>
  );
}

function VisitCard({ visit: v, index, me, queued, online, teamDay, onDone }: {
  visit: MyDayVisit; index: number; me: string; queued: boolean; online: boolean; teamDay: TeamDay | null;
  onDone(body: RecordItem['body']): Promise<void>;
}) {
  const { t } = usePhoneT();
  const f = useFormats();
  const links = mapLinks(v.client.location);
  const headingId = `phone-visit-${v.id}`;
  const others = v.staff.filter((s) => s.id !== me);
  const done = v.status === 'done';
  return (
    <article className={`card phone-visit${done || queued ? ' is-done' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span className="time">{f.window(v.windowStart, v.windowEnd)}</span>
        <span className="visually-hidden">, {t('visitNumber', { n: index })}, </span>
        <span className="client-name">{fullName(v.client)}</span>
      </h2>
      <p className="visit-title">
        {v.title}
        {v.staffCount > 1 ? <span className="badge double">{t('translation:visit.doubleStaffing')}</span> : null}
        {v.video ? <span className="badge video">{t('translation:visit.video')}</span> : null}
        {done ? <span className="badge status-done">{t('doneBadge')}</span> : null}
        {!done && queued ? <span className="badge warn">{t('queuedBadge')}</span> : null}
      </p>
      {others.length > 0 ? <p className="together">{t('together', { names: others.map(fullName).join(', ') })}</p> : null}
      {tripOf(v) ? <p className="trip-stop">{t('trip.stop', { n: tripOf(v)!.stop, count: tripOf(v)!.stops })}</p> : null}
      <p className="address">{v.client.street}, {v.client.postalCode} {v.client.city}</p>
      <p className="map-links">
        <a href={links.geo}>{t('openMap')}</a>
        <a href={links.web} target="_blank" rel="noreferrer">{t('openWebMap')}</a>
      </p>
      {v.tasks.length > 0 ? (
        <>
          <h3>{t('tasks')}</h3>
          <ul className="tasks">{v.tasks.map((task) => <li key={task}>{task}</li>)}</ul>
        </>
      ) : null}
      {v.client.preferences ? (
        <>
          <h3>{t('preferences')}</h3>
          <p>{v.client.preferences}</p>
        </>
      ) : null}
      {v.client.keyFacts ? (
        <>
          <h3>{t('keyFacts')}</h3>
          <p className="key-facts">{v.client.keyFacts}</p>
        </>
      ) : null}
      {v.client.languages.length > 0 ? <p className="muted">{t('languages')}: {v.client.languages.map(f.languageName).join(', ')}</p> : null}
      {done ? (
        <>
          <p className="done-line">{v.actualStart && v.actualEnd ? t('doneAt', { from: hhmm(v.actualStart), to: hhmm(v.actualEnd) }) : t('doneBadge')}</p>
          {(v as MyDayVisit & { note?: string | null }).note ? <p className="done-note">{t('noteShown', { note: (v as MyDayVisit & { note?: string | null }).note })}</p> : null}
        </>
      ) : queued ? null : (
        <>
          <DoneForm visit={v} onDone={onDone} />
          {teamDay ? <SwapOffer visit={v} me={me} teamDay={teamDay} online={online} /> : null}
        </>
      )}
    </article>
  );
}

function DoneForm({ visit: v, onDone }: { visit: MyDayVisit; onDone(body: RecordItem['body']): Promise<void> }) {
  const { t } = usePhoneT();
  const [open, setOpen] = useState(false);
  const planned = hhmm(v.plannedStart ?? v.windowStart);
  const [start, setStart] = useState(planned);
  const [end, setEnd] = useState(addMin(planned, v.durationMin));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (x: string) => `${x}-${v.id}`;
  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="primary done-button" aria-expanded={false} aria-controls={id('done')} onClick={() => setOpen(true)}>
          {t('done')}
          <span className="visually-hidden"> – {fullName(v.client)}</span>
        </button>
      </div>
    );
  }
  return (
    <form
      id={id('done')}
      className="done-form"
      aria-label={t('doneFormLabel', { client: fullName(v.client) })}
      onSubmit={(e) => {
        e.preventDefault();
        if (start && end && end <= start) return setError(t('endBeforeStart'));
        setError(null);
        setBusy(true);
        void onDone({ status: 'done', actualStart: start || null, actualEnd: end || null, note: note.trim() || null }).finally(() => setBusy(false));
      }}
    >
      <p className="small muted">{t('timesOptional')}</p>
      <div className="time-row">
        <div className="field">
          <label htmlFor={id('start')}>{t('startedAt')}</label>
          <input id={id('start')} type="time" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('end')}>{t('endedAt')}</label>
          <input id={id('end')} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('note')}>{t('note')}</label>
        <textarea id={id('note')} rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error ? <p className="alert" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('saveDone')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function SwapOffer({ visit: v, me, teamDay, online }: { visit: MyDayVisit; me: string; teamDay: TeamDay; online: boolean }) {
  const { t } = usePhoneT();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const colleagues = teamDay.staff.filter((s) => s.id !== me && s.shift && !s.absence);
  const id = (x: string) => `${x}-${v.id}`;
  if (state === 'sent') return <p className="ok-note" role="status">{t('swapSent')}</p>;
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)} disabled={!online}>
        {t('offerSwap')}<span className="visually-hidden"> – {fullName(v.client)}</span>
      </button>
    );
  }
  return (
    <form
      className="swap-form"
      aria-label={t('offerSwapLabel', { client: fullName(v.client) })}
      onSubmit={(e) => {
        e.preventDefault();
        setState('sending');
        request('POST', `/api/visits/${encodeURIComponent(v.id)}/swap-requests`, { toStaffId: to || null, ...(note.trim() ? { note: note.trim() } : {}) })
          .then(() => setState('sent'), () => setState('failed'));
      }}
    >
      <div className="field">
        <label htmlFor={id('swap-to')}>{t('swapTo')}</label>
        <select id={id('swap-to')} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{t('anyone')}</option>
          {colleagues.map((s) => <option key={s.id} value={s.id}>{fullName(s)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('swap-note')}>{t('swapNote')}</label>
        <input id={id('swap-note')} type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {state === 'failed' ? <p className="alert" role="alert">{t('swapFailed')}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={state === 'sending' || !online}>{t('sendSwap')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function TeamDaySection({ teamDay, me, online }: { teamDay: TeamDay; me: string; online: boolean }) {
  const { t } = usePhoneT();
  const f = useFormats();
  const [asked, setAsked] = useState<Set<string>>(new Set());
  const [failed, setFailed] = useState<string | null>(null);
  const people = teamDay.staff.filter((s) => s.shift || s.absence);
  const unstaffed = teamDay.visits.filter((v) => v.status === 'planned' && v.staff.length < v.staffCount);
  function ask(visitId: string) {
    setFailed(null);
    request('POST', `/api/visits/${encodeURIComponent(visitId)}/swap-requests`, { toStaffId: null })
      .then(() => setAsked((s) => new Set(s).add(visitId)), () => setFailed(visitId));
  }
  return (
    <section className="team-day card" aria-labelledby="team-day-heading">
      <h2 id="team-day-heading">{t('teamDay')}</h2>
      <p className="small muted">{t('teamDayHelp')}</p>
      <details>
      <summary>{t('showTeamDay')}</summary>
      {people.map((s) => {
        const theirs = teamDay.visits.filter((v) => v.status !== 'cancelled' && v.staff.some((p) => p.id === s.id));
        return (
          <section key={s.id} className="team-person" aria-label={fullName(s)}>
            <h3>
              {fullName(s)}{s.id === me ? ` (${t('me')})` : ''}
              {s.absence ? <span className="badge absent">{t(`translation:absenceReason.${s.absence.reason}`, { defaultValue: s.absence.reason })}</span> : null}
            </h3>
            {theirs.length === 0 ? <p className="muted small">{t('noVisitsFor')}</p> : (
              <ul className="plain-list">
                {theirs.map((v) => (
                  <li key={v.id}>
                    <span className="time">{f.window(v.windowStart, v.windowEnd)}</span> {fullName(v.client)}
                    {v.staffCount > 1 ? <span className="badge double">{t('translation:visit.doubleStaffing')}</span> : null}
                    {v.status === 'done' ? <span className="badge status-done">{t('doneBadge')}</span> : null}
                    {s.id !== me && v.status === 'planned' && !v.staff.some((p) => p.id === me) ? (
                      asked.has(v.id) ? <span className="small"> – {t('askSent')}</span> : (
                        <button type="button" className="link-button" disabled={!online} onClick={() => ask(v.id)}>
                          {t('askToTake')}<span className="visually-hidden"> – {fullName(v.client)}, {f.window(v.windowStart, v.windowEnd)}</span>
                        </button>
                      )
                    ) : null}
                    {failed === v.id ? <span className="alert small" role="alert">{t('swapFailed')}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {unstaffed.length > 0 ? (
        <section className="team-person" aria-label={t('unstaffed')}>
          <h3>{t('unstaffed')}</h3>
          <ul className="plain-list">
            {unstaffed.map((v) => <li key={v.id}><span className="time">{f.window(v.windowStart, v.windowEnd)}</span> {fullName(v.client)}</li>)}
          </ul>
        </section>
      ) : null}
      </details>
    </section>
  );
}

function ConflictCard({ conflict: c, onChoose }: { conflict: Conflict; onChoose(keepMine: boolean): void }) {
  const { t } = usePhoneT();
  const mine = c.item.body;
  const times = (a: string | null, b: string | null) => (a && b ? `${hhmm(a)}–${hhmm(b)}` : a ? hhmm(a) : '–');
  return (
    <section className="card conflict" aria-labelledby={`conflict-${c.item.mutationId}`} role="group">
      <h2 id={`conflict-${c.item.mutationId}`}>{c.reason === 'changed' ? t('conflictHeading', { client: c.item.clientName }) : t('refusedHeading', { client: c.item.clientName })}</h2>
      {c.reason === 'changed' && c.current ? (
        <>
          <p>{t('conflictHelp')}</p>
          <div className="versions">
            <div>
              <h3>{t('mine')}</h3>
              <dl>
                <dt>{t('status')}</dt><dd>{t('translation:visitStatus.done')}</dd>
                <dt>{t('times')}</dt><dd>{times(mine.actualStart, mine.actualEnd)}</dd>
                <dt>{t('note')}</dt><dd>{mine.note ?? '–'}</dd>
              </dl>
            </div>
            <div>
              <h3>{t('theirs')}</h3>
              <dl>
                <dt>{t('status')}</dt><dd>{t(`translation:visitStatus.${c.current.status}`, { defaultValue: c.current.status })}</dd>
                <dt>{t('times')}</dt><dd>{c.current.status === 'done' ? times(c.current.actualStart, c.current.actualEnd) : t('plannedAt', { at: c.current.plannedStart ? hhmm(c.current.plannedStart) : '–' })}</dd>
                <dt>{t('note')}</dt><dd>{c.current.note ?? '–'}</dd>
              </dl>
            </div>
          </div>
          <div className="actions">
            <button type="button" className="primary" onClick={() => onChoose(true)}>{t('keepMine')}</button>
            <button type="button" onClick={() => onChoose(false)}>{t('keepTheirs')}</button>
          </div>
        </>
      ) : (
        <>
          <p>{t('refusedHelp')}</p>
          <p>{t('yourNote')}: {mine.note ?? '–'}</p>
          <div className="actions"><button type="button" onClick={() => onChoose(false)}>{t('understood')}</button></div>
        </>
      )}
    </section>
  );
}
