// "Something went wrong": one button opens a few large choices and an optional text; sending it
// reports a deviation to the team. The client then sees each report's status and the answer.
import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useMyDeviations, useReportDeviation, type NewReport } from './api.js';
import { shortDate } from './format.js';
import type { ClientLanguage } from './i18n/index.js';

const choices = ['nobody', 'late', 'missed', 'complain'] as const;
type Choice = (typeof choices)[number];

/** What each choice reports, and its words for the team (staff read Swedish). */
const report: Record<Choice, { type: NewReport['type']; forTeam: string }> = {
  nobody: { type: 'missed_visit', forTeam: 'Ingen kom' },
  late: { type: 'late_visit', forTeam: 'De kom mycket sent' },
  missed: { type: 'other', forTeam: 'Något blev inte gjort' },
  complain: { type: 'other', forTeam: 'Klagomål' },
};

const timeZone = 'Europe/Stockholm';

export function SomethingWrong({ clientId, t, lang, teamPhone, canReadStatus }: {
  clientId: string; t: TFunction; lang: ClientLanguage; teamPhone: string; canReadStatus: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [text, setText] = useState('');
  const [missingChoice, setMissingChoice] = useState(false);
  const [sent, setSent] = useState(false);
  const send = useReportDeviation();
  const mine = useMyDeviations(clientId, canReadStatus);
  const formId = useId();
  const textId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) {
      setMissingChoice(true);
      return;
    }
    const extra = text.trim();
    send.mutate({
      clientId,
      type: report[choice].type,
      description: extra ? `${report[choice].forTeam}: ${extra}` : report[choice].forTeam,
      // It has already happened; a minute back keeps a device clock running a little fast from
      // being refused as a report "from the future".
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    }, {
      onSuccess: () => {
        setSent(true);
        setOpen(false);
        setChoice(null);
        setText('');
      },
    });
  };

  return (
    <section className="cw-panel cw-wrong" aria-labelledby="cw-wrong">
      <h2 id="cw-wrong" className="visually-hidden">{t('wrong.button')}</h2>
      <button type="button" className="cw-big-button" aria-expanded={open} aria-controls={formId} onClick={() => { setOpen(!open); setSent(false); }}>
        {t('wrong.button')}
      </button>
      {sent ? <p className="cw-thanks" role="status">{t('wrong.sent')}</p> : null}
      <form id={formId} hidden={!open} onSubmit={submit} className="cw-wrong-form">
        <fieldset>
          <legend>{t('wrong.legend')}</legend>
          {choices.map((c) => (
            <label key={c} className={`cw-choice${choice === c ? ' cw-chosen' : ''}`}>
              <input type="radio" name="what" value={c} checked={choice === c} onChange={() => { setChoice(c); setMissingChoice(false); }} />
              <span>{t(`wrong.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        {missingChoice ? <p className="alert" role="alert">{t('wrong.pick')}</p> : null}
        <label htmlFor={textId} className="cw-text-label">{t('wrong.text')}</label>
        <textarea id={textId} rows={3} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
        {send.isError ? <p className="alert" role="alert">{t('wrong.failed', { phone: `\u2066${teamPhone}\u2069` })}</p> : null}
        <div className="cw-form-actions">
          <button type="submit" className="primary cw-big-button" disabled={send.isPending}>{t('wrong.send')}</button>
          <button type="button" onClick={() => setOpen(false)}>{t('wrong.cancel')}</button>
        </div>
      </form>
      {canReadStatus && mine.data && mine.data.items.length > 0 ? (
        <>
          <h3>{t('reports.heading')}</h3>
          <ul className="cw-reports">
            {mine.data.items.map((d) => (
              <li key={d.id}>
                <p><strong>{t(`reports.type.${d.type}`, { defaultValue: t('reports.type.other') })}</strong> – {t('reports.sentOn', { date: shortDate(d.reportedAt, lang, timeZone) })}</p>
                <p className="cw-report-state">{t(`reports.state.${d.state}`, { defaultValue: d.state })}</p>
                {d.actions ? <p>{t('reports.answer', { text: d.actions })}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
