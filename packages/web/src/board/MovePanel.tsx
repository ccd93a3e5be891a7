// The selected visit: who has it and when, the controls to give it to someone else or move it
// in time (the keyboard way of dragging), what the change would break and cost before saving,
// and the lock that keeps it when a new plan is suggested.
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fullName, useFormats } from '../ui/format.js';
import { skillName } from './names.js';
import { checkVisitChange } from './api.js';
import { useBoardT } from './i18n.js';
import { MetricDeltas } from './Figures.js';
import { Violations } from './Violations.js';
import type { Names } from './violations.js';
import type { DayStaff, DayVisit } from './timeline.js';
import type { VisitChange } from './types.js';

export interface Proposal {
  visitId: string;
  change: Required<Pick<VisitChange, 'staffIds' | 'plannedStart'>>;
}

interface Props {
  teamId: string;
  date: string;
  visit: DayVisit;
  working: DayStaff[];
  proposal: Proposal | null;
  locked: boolean;
  names: Names;
  busy: boolean;
  onPropose(p: Proposal): void;
  onSave(p: Proposal, acceptViolations: boolean): void;
  onLock(locked: boolean): void;
  onClose(): void;
}

export function MovePanel({ teamId, date, visit: v, working, proposal, locked, names, busy, onPropose, onSave, onLock, onClose }: Props) {
  const { t } = useBoardT();
  const f = useFormats();
  const initialStaff = proposal?.change.staffIds ?? v.staff.map((p) => p.id);
  const [people, setPeople] = useState<string[]>(() => Array.from({ length: v.staffCount }, (_, i) => initialStaff[i] ?? ''));
  const [start, setStart] = useState(proposal?.change.plannedStart ?? v.plannedStart ?? v.windowStart.slice(0, 5));
  useEffect(() => {
    const ids = proposal?.change.staffIds ?? v.staff.map((p) => p.id);
    setPeople(Array.from({ length: v.staffCount }, (_, i) => ids[i] ?? ''));
    setStart((proposal?.change.plannedStart ?? v.plannedStart ?? v.windowStart).slice(0, 5));
  }, [v.id, proposal?.change.plannedStart, proposal?.change.staffIds.join(',')]);

  const check = useQuery({
    queryKey: ['visit-check', teamId, date, proposal?.visitId, proposal?.change],
    queryFn: () => checkVisitChange(teamId, date, proposal!.visitId, proposal!.change),
    enabled: !!proposal,
    staleTime: 0,
    gcTime: 0,
  });
  const movable = v.status === 'planned';
  const headingId = 'selected-visit-heading';
  // A visit chosen on the timeline (by Enter, click or drop) brings its controls into view and focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [v.id]);
  return (
    <section className="panel move-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>{t('move.heading', { client: fullName(v.client) })}</h2>
      <p>
        {v.title}, {t('move.window', { window: `${v.windowStart.slice(0, 5)}–${v.windowEnd.slice(0, 5)}`, min: v.durationMin })}
        {v.staffCount > 1 ? <span className="badge double">{t('translation:visit.doubleStaffing')}</span> : null}
        {locked ? <span className="badge">{t('visit.locked')}</span> : null}
      </p>
      <p className="small">
        {t('move.skills', { skills: v.skills.map((k) => skillName(t, k)).join(', ') || '–' })}
        {v.client.languages.length > 0 ? ` · ${t('move.languages', { languages: v.client.languages.map(f.languageName).join(', ') })}` : null}
        {v.client.fixedContactStaffId ? ` · ${t('move.fixedContact', { name: names.staff(v.client.fixedContactStaffId) || '–' })}` : null}
      </p>
      <p className="muted">
        {v.staff.length > 0 ? t('move.now', { who: v.staff.map(fullName).join(', '), start: v.plannedStart?.slice(0, 5) ?? t('visit.noTime') }) : t('move.nobody')}
      </p>
      {movable ? (
        <form
          className="move-form"
          onSubmit={(e) => {
            e.preventDefault();
            onPropose({ visitId: v.id, change: { staffIds: people.filter(Boolean), plannedStart: start || null } });
          }}
        >
          {people.map((p, i) => (
            <div className="field" key={i}>
              <label htmlFor={`move-person-${i}`}>{v.staffCount > 1 ? t('move.personN', { n: i + 1 }) : t('move.person')}</label>
              <select id={`move-person-${i}`} value={p} onChange={(e) => setPeople((xs) => xs.map((x, j) => (j === i ? e.target.value : x)))}>
                <option value="">{t('move.noPerson')}</option>
                {working.map((s) => <option key={s.id} value={s.id}>{fullName(s)}{s.id === v.client.fixedContactStaffId ? ` (${t('visit.fixedContact')})` : ''}</option>)}
              </select>
            </div>
          ))}
          <div className="field">
            <label htmlFor="move-start">{t('move.start')}</label>
            <input id="move-start" type="time" step={300} value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit">{t('move.check')}</button>
            <button type="button" onClick={() => onLock(!locked)} disabled={busy}>{locked ? t('move.unlock') : t('move.lock')}</button>
            <button type="button" onClick={onClose}>{t('move.close')}</button>
          </div>
        </form>
      ) : <p>{t('move.notMovable')}</p>}
      {proposal ? (
        <div className="check-result" aria-live="polite">
          <h3>{t('move.proposal', {
            who: proposal.change.staffIds.map((id) => names.staff(id)).join(', ') || t('move.nobody'),
            start: proposal.change.plannedStart ?? '–',
          })}</h3>
          {check.isPending ? <p role="status">{t('move.checking')}</p> : null}
          {check.isError ? <p className="alert">{t('move.checkFailed')}</p> : null}
          {check.data ? (
            <>
              {check.data.newViolations.length === 0 ? (
                <p className="ok-note">{t('move.breaksNothing')}</p>
              ) : (
                <div className="alert violations-box">
                  <p>{t('move.breaks', { count: check.data.newViolations.length })}</p>
                  <Violations list={check.data.newDetails} names={names} />
                </div>
              )}
              <MetricDeltas before={check.data.before} after={check.data.after} />
              <div className="actions">
                {check.data.newViolations.length === 0 ? (
                  <button type="button" className="primary" disabled={busy} onClick={() => onSave(proposal, false)}>{t('move.save')}</button>
                ) : (
                  <button type="button" disabled={busy} onClick={() => onSave(proposal, true)}>{t('move.saveAnyway')}</button>
                )}
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
