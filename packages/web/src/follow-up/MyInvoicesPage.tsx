// The client's own invoices (issue 7): each month's invoice with every visit it charges (date,
// time, who, minutes), credits for visits found missed after an invoice was sent with their
// reason, and the invoice as PDF. Missed visits are never charged. In the client's reading language
// (the one their page and header use: sv, en, fi, so, ar, fa), right to left in Arabic and Persian.
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import type { SessionUser } from '../api/types.js';
import { languageOf, type ClientLanguage } from '../client-week/i18n/index.js';
import { useReaderLanguage } from '../client-week/reader-language.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import { invoicePdfUrl, useClientInvoice, useClientInvoices, type InvoiceDetail } from './api.js';
import { clientInvoiceT } from './i18n.js';
import './follow-up.css';

/** Months, days, hours and kronor in the reader's language, with Latin digits as on the printed invoice. */
function readerFormats(lang: ClientLanguage) {
  const locale = languageOf(lang).locale;
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK', minimumFractionDigits: 2, numberingSystem: 'latn' } as Intl.NumberFormatOptions);
  return {
    month: (month: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).format(noon(`${month}-15`)),
    shortDay: (date: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC', numberingSystem: 'latn' }).format(noon(date)),
    hours: (minutes: number) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, numberingSystem: 'latn' } as Intl.NumberFormatOptions).format(minutes / 60)} h`,
    number: (n: number) => new Intl.NumberFormat(locale, { numberingSystem: 'latn' } as Intl.NumberFormatOptions).format(n),
    money: (ore: number) => money.format(ore / 100),
  };
}
type ReaderFormats = ReturnType<typeof readerFormats>;

/** Isolates an invoice number ("2026-11-0035") so a right-to-left sentence does not reorder its parts. */
const ltr = (s: string) => `\u2066${s}\u2069`;

export function MyInvoicesPage({ user }: { user: SessionUser }) {
  const [lang] = useReaderLanguage(user);
  const t = clientInvoiceT(lang);
  return (
    <div lang={lang} dir={languageOf(lang).dir}>
      <Page title={t('myInvoices.title')} subtitle={t('myInvoices.intro')} className="follow-up-page">
        {user.clientId ? <ClientInvoices clientId={user.clientId} lang={lang} /> : <p>{t('myInvoices.none')}</p>}
      </Page>
    </div>
  );
}

/** A client's invoices, newest first, with the chosen one opened below the list. */
export function ClientInvoices({ clientId, lang }: { clientId: string; lang: ClientLanguage }) {
  const t = clientInvoiceT(lang);
  const f = readerFormats(lang);
  const money = f.money;
  const list = useClientInvoices(clientId);
  const [chosen, setChosen] = useState<string | null>(null);
  const headingId = useId();
  return (
    <QueryState query={list}>
      {(l) => {
        if (l.items.length === 0) return <p>{t('myInvoices.none')}</p>;
        const month = chosen ?? l.items[0]!.month;
        return (
          <>
            <section className="panel" aria-labelledby={headingId}>
              <h2 id={headingId}>{t('myInvoices.listHeading')}</h2>
              <ul className="invoice-list">
                {l.items.map((i) => (
                  <li key={i.id}>
                    <button type="button" aria-pressed={i.month === month} onClick={() => setChosen(i.month)}>
                      {f.month(i.month)}: {money(i.totalOre)}
                    </button>{' '}
                    <span className="muted small">{t(`invoiceState.${i.state}`, { defaultValue: i.state })}</span>
                  </li>
                ))}
              </ul>
            </section>
            <InvoiceView clientId={clientId} month={month} t={t} f={f} />
          </>
        );
      }}
    </QueryState>
  );
}

function InvoiceView({ clientId, month, t, f }: { clientId: string; month: string; t: TFunction; f: ReaderFormats }) {
  const inv = useClientInvoice(clientId, month);
  return <QueryState query={inv}>{(i) => <Invoice inv={i} t={t} f={f} />}</QueryState>;
}

function Invoice({ inv, t, f }: { inv: InvoiceDetail; t: TFunction; f: ReaderFormats }) {
  const money = f.money;
  const visits = inv.lines.filter((l) => l.kind === 'visit');
  const credits = inv.lines.filter((l) => l.kind === 'credit');
  return (
    <section className="panel invoice" aria-labelledby="invoice-heading">
      <h2 id="invoice-heading">{t('myInvoices.invoiceHeading', { month: f.month(inv.month), number: ltr(inv.number) })}</h2>
      <dl className="facts">
        <dt>{t('myInvoices.delivered')}</dt><dd><bdi>{f.hours(inv.deliveredMin)}</bdi> ({t('myInvoices.visits', { count: visits.length })})</dd>
        {inv.missedMin > 0 ? <><dt>{t('myInvoices.missedNotCharged')}</dt><dd>{f.hours(inv.missedMin)}</dd></> : null}
        <dt>{t('myInvoices.tariff')}</dt><dd>{money(inv.tariffAmountOre)} ({t('myInvoices.perHour', { amount: money(inv.tariffPerHourOre) })})</dd>
        <dt>{t('myInvoices.cap')}</dt><dd>{money(inv.capOre)}</dd>
        {inv.capacityOre !== null ? <><dt>{t('myInvoices.capacity')}</dt><dd>{money(inv.capacityOre)}</dd></> : null}
        <dt>{t('myInvoices.fee')}</dt><dd>{money(inv.feeOre)} <span className="muted small">{t(`limitedBy.${inv.limitedBy}`, { defaultValue: inv.limitedBy })}</span></dd>
        {inv.creditOre ? <><dt>{t('myInvoices.credit')}</dt><dd>{money(-Math.abs(inv.creditOre))}</dd></> : null}
        <dt>{t('myInvoices.total')}</dt><dd><strong>{money(inv.totalOre)}</strong></dd>
      </dl>
      <p><a href={invoicePdfUrl(inv.clientId, inv.month)} target="_blank" rel="noopener">{t('myInvoices.pdf')}</a></p>
      {credits.length > 0 ? (
        <>
          <h3 id="credits-heading">{t('myInvoices.creditsHeading')}</h3>
          <ul className="credit-lines">
            {credits.map((c) => (
              <li key={`${c.visitId}-credit`}>
                {t('myInvoices.creditLine', { date: f.shortDay(c.date), time: c.start.slice(0, 5), month: c.creditMonth ? f.month(c.creditMonth) : '', amount: money(-Math.abs(c.amountOre ?? 0)) })}
                {c.reason ? <> – {t('myInvoices.reason', { reason: c.reason })}</> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 id="lines-heading">{t('myInvoices.linesHeading')}</h3>
      {visits.length === 0 ? <p className="muted">{t('myInvoices.noVisits')}</p> : (
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="lines-heading">
        <table className="data invoice-lines">
          <thead>
            <tr>
              <th scope="col">{t('myInvoices.date')}</th>
              <th scope="col">{t('myInvoices.time')}</th>
              <th scope="col">{t('myInvoices.who')}</th>
              <th scope="col" className="num">{t('myInvoices.minutes')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((l) => (
              <tr key={l.visitId} data-visit-id={l.visitId}>
                <td className="nowrap">{f.shortDay(l.date)}</td>
                <td><bdi>{l.start.slice(0, 5)}</bdi></td>
                <td><bdi>{l.staffNames.join(', ')}</bdi></td>
                <td className="num">{f.number(l.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </section>
  );
}
