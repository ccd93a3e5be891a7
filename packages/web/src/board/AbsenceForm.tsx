// "Frånvaro först": record that someone is absent in one action; the board then shows which
// visits lost their person.
import { useState } from 'react';
import { fullName } from '../ui/format.js';
import { useBoardT } from './i18n.js';
import type { DayStaff } from './timeline.js';

const reasons = ['sick', 'child_care', 'vacation', 'other'] as const;

export function AbsenceForm({ staff, date, busy, onSubmit }: {
  staff: DayStaff[];
  date: string;
  busy: boolean;
  onSubmit(body: { staffId: string; reason: string; fromDate: string; toDate: string }): void;
}) {
  const { t } = useBoardT();
  const present = staff.filter((s) => !s.absence);
  const [staffId, setStaffId] = useState('');
  const [reason, setReason] = useState<string>('sick');
  const [fromDate, setFrom] = useState(date);
  const [toDate, setTo] = useState(date);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel absence" aria-labelledby="absence-heading">
      <h2 id="absence-heading">{t('absence.heading')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!staffId) return setError(t('absence.choosePerson'));
          if (toDate < fromDate) return setError(t('absence.toBeforeFrom'));
          setError(null);
          onSubmit({ staffId, reason, fromDate, toDate });
          setStaffId('');
        }}
      >
        <div className="field">
          <label htmlFor="absence-staff">{t('absence.person')}</label>
          <select id="absence-staff" value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            <option value="">{t('absence.choose')}</option>
            {present.map((s) => <option key={s.id} value={s.id}>{fullName(s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="absence-reason">{t('absence.reason')}</label>
          <select id="absence-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
            {reasons.map((r) => <option key={r} value={r}>{t(`translation:absenceReason.${r}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="absence-from">{t('absence.from')}</label>
          <input id="absence-from" type="date" value={fromDate} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="absence-to">{t('absence.to')}</label>
          <input id="absence-to" type="date" value={toDate} min={fromDate} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <button type="submit" className="primary" disabled={busy}>{t('absence.save')}</button>
      </form>
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </section>
  );
}
