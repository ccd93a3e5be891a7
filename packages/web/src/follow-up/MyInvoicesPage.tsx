// The client's own invoices (issue 7): each month's invoice with every visit it charges (date,
// time, who, minutes), credits for visits found missed after an invoice was sent with their
// reason, and the invoice as PDF. Missed visits are never charged.
import { useId, useState } from 'react';
import type { SessionUser } from '../api/types.js';
import { useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import { invoicePdfUrl, useClientInvoice, useClientInvoices, type InvoiceDetail } from './api.js';
import { useFollowUpT, useMoney } from './i18n.js';
import './follow-up.css';

export function MyInvoicesPage({ user }: { user: SessionUser }) {
  const { t } = useFollowUpT();
  return (
    <Page title={t('myInvoices.title')} subtitle={t('myInvoices.intro')} className="follow-up-page">
      {user.clientId ? <ClientInvoices clientId={user.clientId} /> : <p>{t('myInvoices.none')}</p>}
    </Page>
  );
}

/** A client's invoices, newest first, with the chosen one opened below the list. */
export function ClientInvoices({ clientId }: { clientId: string }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const money = useMoney();
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
            <InvoiceView clientId={clientId} month={month} />
          </>
        );
      }}
    </QueryState>
  );
}

function InvoiceView({ clientId, month }: { clientId: string; month: string }) {
  const inv = useClientInvoice(clientId, month);
  return <QueryState query={inv}>{(i) => <Invoice inv={i} />}</QueryState>;
}

function Invoice({ inv }: { inv: InvoiceDetail }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const money = useMoney();
  const visits = inv.lines.filter((l) => l.kind === 'visit');
  const credits = inv.lines.filter((l) => l.kind === 'credit');
  return (
    <section className="panel invoice" aria-labelledby="invoice-heading">
      <h2 id="invoice-heading">{t('myInvoices.invoiceHeading', { month: f.month(inv.month), number: inv.number })}</h2>
      <dl className="facts">
        <dt>{t('myInvoices.delivered')}</dt><dd>{f.hours(inv.deliveredMin)} ({t('myInvoices.visits', { count: visits.length })})</dd>
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
                <td>{l.start.slice(0, 5)}</td>
                <td>{l.staffNames.join(', ')}</td>
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
