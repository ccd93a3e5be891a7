// The client's own view, and a consenting relative's view of the same: today and the next seven
// days with who comes (name and photo), what changed since last time, the fixed contact and how
// to reach the team, "something went wrong", the printable weekly letter, and for relatives a
// calendar feed. In the reader's language, right to left for Arabic and Persian.
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useMyClients, useSession } from '../api/queries.js';
import type { SessionUser } from '../api/types.js';
import { Link } from 'react-router';
import { paths } from '../navigation.js';
import { Page } from '../ui/Page.js';
import { useWeek, weeklyLetterUrl, type Week, type WeekChange, type WeekPerson, type WeekVisit } from './api.js';
import { AccessReport } from './AccessReport.js';
import { CalendarFeeds } from './CalendarFeeds.js';
import { changeText, joinNames } from './changes.js';
import { capitalised, hhmm, spokenDay } from './format.js';
import { clientLanguages, clientT, languageOf, useDocumentLanguage, type ClientLanguage } from './i18n/index.js';
import { useReaderLanguage } from './reader-language.js';
import { SomethingWrong } from './SomethingWrong.js';
import './client-week.css';

/** The client's start page. */
export function ClientWeekStart() {
  const session = useSession().data;
  const user = session?.user;
  if (!user) return null;
  return <ClientWeekView user={user} clientId={user.clientId ?? undefined} />;
}

/** A relative's start page: the view of the client (or clients) who consented. */
export function RelativeWeekStart() {
  const session = useSession().data;
  const user = session?.user;
  const clients = useMyClients();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!user) return null;
  const items = clients.data?.items ?? [];
  const clientId = chosen ?? items[0]?.id;
  const current = items.find((c) => c.id === clientId);
  return (
    <ClientWeekView
      user={user}
      clientId={clientId}
      clientName={current ? `${current.firstName} ${current.lastName}` : undefined}
      pending={clients.isPending}
      failed={clients.isError}
      others={items.length > 1 ? { items, onChoose: setChosen } : undefined}
    />
  );
}


interface ViewProps {
  user: SessionUser;
  clientId: string | undefined;
  clientName?: string;
  pending?: boolean;
  failed?: boolean;
  others?: { items: { id: string; firstName: string; lastName: string }[]; onChoose: (id: string) => void };
}

function ClientWeekView({ user, clientId, clientName, pending, failed, others }: ViewProps) {
  const [lang, chooseLanguage] = useReaderLanguage(user);
  useDocumentLanguage(lang);
  const t = clientT(lang);
  const week = useWeek(clientId);
  const relative = user.role === 'relative';
  const title = relative && clientName ? t('titleFor', { name: clientName }) : t('title');
  return (
    <Page title={title} className="cw large-text">
      <div lang={lang} dir={languageOf(lang).dir} className="cw-body">
        {others ? (
          <nav className="cw-others" aria-label={t('titleFor', { name: '' })}>
            {others.items.map((c) => (
              <button key={c.id} type="button" aria-pressed={c.id === clientId} onClick={() => others.onChoose(c.id)}>{c.firstName} {c.lastName}</button>
            ))}
          </nav>
        ) : null}
        {pending || (clientId && week.isPending) ? <p className="loading" role="status">{t('loading')}</p> : null}
        {failed || week.isError ? <div className="alert" role="alert"><p>{t('error')}</p></div> : null}
        {!pending && !clientId ? <p className="cw-lead">{relative ? t('noConsent') : t('noRecord')}</p> : null}
        {clientId && week.data ? (
          <>
            <p className="cw-lead">{t('lead')}</p>
            <ChangesSummary week={week.data} t={t} lang={lang} />
            <Days week={week.data} t={t} lang={lang} relative={relative} />
            <FixedContactPanel week={week.data} t={t} lang={lang} relative={relative} />
            <SomethingWrong clientId={clientId} t={t} lang={lang} teamPhone={week.data.team.phone} canReadStatus={user.role === 'client' || user.role === 'relative'} />
            <section className="cw-panel" aria-labelledby="cw-print">
              <h2 id="cw-print">{t('print.heading')}</h2>
              <p><a className="cw-link-button" href={weeklyLetterUrl(clientId)} target="_blank" rel="noopener">{t('print.link')}</a></p>
            </section>
            {relative ? null : (
              <section className="cw-panel" aria-labelledby="cw-invoices">
                <h2 id="cw-invoices">{t('invoices.heading')}</h2>
                <p><Link className="cw-link-button" to={paths.myInvoices}>{t('invoices.link')}</Link></p>
              </section>
            )}
            {relative ? <CalendarFeeds clientId={clientId} t={t} lang={lang} /> : <AccessReport clientId={clientId} t={t} lang={lang} />}
          </>
        ) : null}
        <LanguageChoice lang={lang} t={t} onChoose={chooseLanguage} />
      </div>
    </Page>
  );
}

interface Part { week: Week; t: TFunction; lang: ClientLanguage }

/** A placeholder to put an element (a phone number that must not wrap) into a translated text. */
const slot = '\u0001';
function WithSlot({ text, children }: { text: string; children: ReactNode }) {
  const [before, after] = text.split(slot);
  return <>{before}{children}{after}</>;
}

function dayLabel(date: string, from: string, index: number, t: TFunction, lang: ClientLanguage): string {
  const spoken = spokenDay(date, lang);
  if (date === from) return `${t('today')}${t('comma')}${spoken}`;
  if (index === 1) return `${t('tomorrow')}${t('comma')}${spoken}`;
  return capitalised(spoken, lang);
}

function ChangesSummary({ week, t, lang }: Part) {
  const changed = week.days.flatMap((d, i) => d.visits.filter((v) => v.changes.length > 0).map((v) => ({ day: dayLabel(d.date, week.from, i, t, lang), v })));
  if (changed.length === 0) return null;
  return (
    <section className="cw-panel cw-news" aria-labelledby="cw-news">
      <h2 id="cw-news">{t('changesHeading')}</h2>
      <ul>
        {changed.map(({ day, v }) => v.changes.map((c, k) => (
          <li key={`${v.id}-${k}`}>
            <strong>{day}</strong>, {t('between', { start: hhmm(v.windowStart), end: hhmm(v.windowEnd) })}: {changeText(c, v, t)}
          </li>
        )))}
      </ul>
    </section>
  );
}

function Avatar({ person, size = 'small' }: { person: Pick<WeekPerson, 'photoUrl' | 'initials'>; size?: 'small' | 'large' }) {
  if (person.photoUrl) return <img className={`cw-avatar cw-avatar-${size}`} src={person.photoUrl} alt="" />;
  return <span className={`cw-avatar cw-avatar-${size}`} aria-hidden="true">{person.initials}</span>;
}

function Days({ week, t, lang, relative }: Part & { relative: boolean }) {
  return (
    <div className="cw-days">
      {week.days.map((day, i) => {
        const id = `cw-day-${day.date}`;
        return (
          <section key={day.date} className="cw-day" aria-labelledby={id}>
            <h2 id={id}>{dayLabel(day.date, week.from, i, t, lang)}</h2>
            {day.visits.length === 0 ? <p className="cw-none">{t('noVisits')}</p> : (
              <ul className="cw-visits">
                {day.visits.map((v) => <VisitItem key={v.id} v={v} t={t} lang={lang} relative={relative} />)}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function VisitItem({ v, t, lang, relative }: { v: WeekVisit; t: TFunction; lang: ClientLanguage; relative: boolean }) {
  // The care plan's own words are Swedish; other languages name the kind of help instead.
  const what = lang === 'sv' ? v.title : t(`services.${v.serviceType}`, { defaultValue: v.title });
  const cancelled = v.status === 'cancelled';
  const changed = v.changes.length > 0;
  return (
    <li className={`cw-visit upcoming-visit${changed ? ' cw-changed' : ''}${cancelled ? ' cw-cancelled' : ''}`}>
      <p className="cw-time">{t('between', { start: hhmm(v.windowStart), end: hhmm(v.windowEnd) })}</p>
      <p className="cw-what">
        {what}
        {v.video ? <span className="cw-tag cw-tag-video">{t('video')}</span> : null}
        {v.status !== 'planned' ? <span className={`cw-tag cw-tag-${v.status}`}>{t(`status.${v.status}`, { defaultValue: v.status })}</span> : null}
      </p>
      {changed ? (
        <ul className="cw-change-list">
          {v.changes.map((c, k) => <li key={k}><strong>{t('changedLabel')}:</strong> {changeText(c, v, t)}</li>)}
        </ul>
      ) : null}
      {cancelled ? null : v.staff === null || v.staff.length === 0 ? (
        <p className="cw-who cw-later">{t('notYet')}</p>
      ) : (
        <div className="cw-who">
          <ul className="cw-people">
            {v.staff.map((p) => (
              <li key={p.firstName + p.initials} className="cw-person">
                <Avatar person={p} />
                <span className="cw-name">{p.firstName}</span>
                {p.isFixedContact ? <span className="cw-tag cw-tag-fixed">{relative ? t('contact.headingRelative') : t('yourContact')}</span> : null}
              </li>
            ))}
          </ul>
          <p className="cw-comes">{t(v.staff.length > 1 ? 'comesMany' : 'comes', { names: joinNames(v.staff.map((p) => p.firstName), t) })}</p>
        </div>
      )}
    </li>
  );
}

function FixedContactPanel({ week, t, lang, relative }: Part & { relative: boolean }) {
  const fc = week.fixedContact;
  const tel = `tel:${week.team.phone.replace(/[^\d+]/g, '')}`;
  return (
    <section className="cw-panel cw-contact" aria-labelledby="cw-contact">
      <h2 id="cw-contact">{relative ? t('contact.headingRelative') : t('contact.heading')}</h2>
      {fc ? (
        <>
          <div className="cw-contact-person">
            <Avatar person={fc} size="large" />
            <p className="cw-contact-name">{fc.firstName} {fc.lastName}</p>
          </div>
          {fc.workingDays.length > 0 ? (
            <>
              <p>{t('contact.works', { name: fc.firstName })}</p>
              <ul className="cw-workdays">
                {fc.workingDays.map((d) => (
                  <li key={d.date}>
                    <WithSlot text={t('contact.workDay', { day: capitalised(spokenDay(d.date, lang), lang), range: slot })}>
                      <bdi dir="ltr" className="cw-nowrap">{hhmm(d.start)}–{hhmm(d.end)}</bdi>
                    </WithSlot>
                  </li>
                ))}
              </ul>
            </>
          ) : <p>{t('contact.notWorking', { name: fc.firstName })}</p>}
        </>
      ) : <p>{t('contact.none')}</p>}
      <h3>{t('team.heading')}</h3>
      <p>{week.team.name}</p>
      <p>{t('team.help')}</p>
      <p><a className="cw-link-button cw-call" href={tel}><WithSlot text={t('team.call', { phone: slot })}><bdi dir="ltr">{week.team.phone}</bdi></WithSlot></a></p>
    </section>
  );
}

function LanguageChoice({ lang, t, onChoose }: { lang: ClientLanguage; t: TFunction; onChoose: (l: ClientLanguage) => void }) {
  return (
    <section className="cw-panel cw-languages" aria-labelledby="cw-lang">
      <h2 id="cw-lang">{t('languageHeading')}</h2>
      <div className="cw-language-buttons">
        {clientLanguages.map((l) => (
          <button key={l} type="button" lang={l} dir={languageOf(l).dir} aria-pressed={l === lang} onClick={() => onChoose(l)}>
            {languageOf(l).name}
          </button>
        ))}
      </div>
    </section>
  );
}
