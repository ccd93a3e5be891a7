// The board's alerts (issue 7): the day's possibly missed visits (not marked done an hour after
// their window) and late ones, each to be settled by the coordinator: done after all (with the
// real times), missed (with a reason) or late (with a reason). Missed and late open a deviation.
import { useId, useState, type FormEvent } from 'react';
import { useFormats } from '../ui/format.js';
import { ErrorMessage } from '../ui/QueryState.js';
import { ApiError } from '../api/http.js';
import { useSettleVisit, useVisitFlags, type SettleInput, type VisitFlag } from './api.js';
import { useFollowUpT } from './i18n.js';
import './follow-up.css';

export function MissedVisits({ teamId, date }: { teamId: string; date: string }) {
  const { t } = useFollowUpT();
  const flags = useVisitFlags(teamId, date);
  const headingId = useId();
  if (flags.isError) return <ErrorMessage error={flags.error} />;
  if (!flags.data) return null;
  const { items, openEarlier } = flags.data;
  const open = items.filter((i) => !i.settledAt).length;
  return (
    <section className="panel missed-visits" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('flags.heading', { count: open })}</h2>
      {items.length === 0 ? <p className="muted">{t('flags.none')}</p> : (
        <ul className="flag-list">
          {items.map((f) => <FlagItem key={`${f.visitId}-${f.kind}`} flag={f} teamId={teamId} date={date} />)}
        </ul>
      )}
      {openEarlier > 0 ? <p className="notice">{t('flags.openEarlier', { count: openEarlier })}</p> : null}
    </section>
  );
}

type Mode = 'done' | 'missed' | 'late' | null;

function FlagItem({ flag, teamId, date }: { flag: VisitFlag; teamId: string; date: string }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const settle = useSettleVisit(teamId, date);
  const [mode, setMode] = useState<Mode>(null);
  const [start, setStart] = useState(flag.plannedStart?.slice(0, 5) ?? flag.windowStart.slice(0, 5));
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const ids = useId();
  const label = `${flag.clientName}, ${f.window(flag.windowStart, flag.windowEnd)}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!mode) return;
    const body: SettleInput = mode === 'done' ? { outcome: 'done', actualStart: start, actualEnd: end } : { outcome: mode, reason: reason.trim() };
    settle.mutate({ visitId: flag.visitId, body }, { onSuccess: () => setMode(null) });
  }

  return (
    <li className={`flag flag-${flag.kind}${flag.settledAt ? ' flag-settled' : ''}`} data-visit-id={flag.visitId}>
      <div className="flag-head">
        <span className={`badge ${flag.kind === 'late' ? 'warn' : 'status-missed'}`}>{t(`flags.kind.${flag.kind}`)}</span>{' '}
        <strong>{flag.clientName}</strong>{' '}
        <span className="nowrap">{f.window(flag.windowStart, flag.windowEnd)}</span>{' '}
        <span>{flag.title}</span>{' '}
        <span className="muted">{flag.staff.filter(Boolean).join(', ') || t('flags.noStaff')}</span>
        {flag.kind === 'late' && flag.actualStart ? <span className="muted"> {t('flags.startedAt', { time: flag.actualStart.slice(0, 5) })}</span> : null}
      </div>
      {flag.settledAt ? (
        <p className="flag-outcome" role="status">
          {t(`flags.settled.${flag.outcome ?? 'done'}`, { at: f.time(flag.settledAt) })}
          {flag.deviationId ? <> {t('flags.deviationOpened')}</> : null}
        </p>
      ) : (
        <>
          <div className="actions" role="group" aria-label={t('flags.settleFor', { visit: label })}>
            <button type="button" aria-pressed={mode === 'done'} onClick={() => setMode(mode === 'done' ? null : 'done')}>{t('flags.doneAnyway')}</button>
            <button type="button" aria-pressed={mode === 'missed'} onClick={() => setMode(mode === 'missed' ? null : 'missed')}>{t('flags.missed')}</button>
            <button type="button" aria-pressed={mode === 'late'} onClick={() => setMode(mode === 'late' ? null : 'late')}>{t('flags.late')}</button>
          </div>
          {mode ? (
            <form className="flag-form" onSubmit={submit} aria-label={t(`flags.form.${mode}`, { visit: label })}>
              {mode === 'done' ? (
                <div className="field-row">
                  <label htmlFor={`${ids}-start`}>{t('flags.actualStart')}</label>
                  <input id={`${ids}-start`} type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
                  <label htmlFor={`${ids}-end`}>{t('flags.actualEnd')}</label>
                  <input id={`${ids}-end`} type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
                </div>
              ) : (
                <div className="field">
                  <label htmlFor={`${ids}-reason`}>{t(mode === 'missed' ? 'flags.missedReason' : 'flags.lateReason')}</label>
                  <textarea id={`${ids}-reason`} required minLength={3} maxLength={1000} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
                </div>
              )}
              <button type="submit" className="primary" disabled={settle.isPending}>{t(`flags.save.${mode}`)}</button>
              {settle.isError ? <p className="alert" role="alert">{problemText(settle.error, t('translation:error.unknown'))}</p> : null}
            </form>
          ) : null}
        </>
      )}
    </li>
  );
}

/** The server's own explanation when it gave one (e.g. a 409), else a general message. */
export function problemText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    const p = error.problem as { detail?: string; errors?: { detail?: string; message?: string }[] };
    const first = p.errors?.[0];
    return [p.detail, first?.detail ?? first?.message].filter(Boolean).join(' ') || fallback;
  }
  return fallback;
}
