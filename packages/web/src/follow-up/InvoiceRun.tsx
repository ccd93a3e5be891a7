// Finance's invoice run of a month (issue 7): compute it from delivered care (repeatable), the
// totals with and without missed visits, send it (after which it never changes, only credits
// follow), the CSV for the finance system, and each invoice.
import { useId, useState } from 'react';
import { ApiError } from '../api/http.js';
import { useFormats } from '../ui/format.js';
import { ErrorMessage } from '../ui/QueryState.js';
import { invoiceCsvUrl, useInvoiceRun, useRunInvoices } from './api.js';
import { useFollowUpT, useMoney } from './i18n.js';
import { problemText } from './MissedVisits.js';
import './follow-up.css';

export function InvoiceRun({ month }: { month: string }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const money = useMoney();
  const run = useInvoiceRun(month);
  const write = useRunInvoices(month);
  const [confirmSend, setConfirmSend] = useState(false);
  const headingId = useId();
  const notRun = run.error instanceof ApiError && run.error.status === 404;
  const r = run.data;
  const sent = r?.state === 'sent';

  return (
    <section className="panel invoice-run" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('run.heading', { month: f.month(month) })}</h2>
      <div aria-live="polite">
        {write.isSuccess ? <p className="ok-note" role="status">{t(write.variables ? 'run.sentNow' : write.data.recomputed ? 'run.recomputed' : 'run.unchanged')}</p> : null}
        {write.isError ? <p className="alert" role="alert">{problemText(write.error, t('translation:error.unknown'))}</p> : null}
      </div>
      {run.isPending ? <p className="loading" role="status">{t('translation:common.loading')}</p> : null}
      {run.isError && !notRun ? <ErrorMessage error={run.error} /> : null}
      {notRun ? <p>{t('run.notRun')}</p> : null}
      {r ? (
        <>
          <p>
            {sent ? <span className="badge status-done">{t('run.sent', { at: f.dateTime(r.sentAt!) })}</span> : <span className="badge warn">{t('run.draft')}</span>}{' '}
            <span className="muted small">{t('run.computedAt', { at: f.dateTime(r.computedAt) })}</span>
          </p>
          <dl className="facts run-totals">
            <dt>{t('run.invoiceCount')}</dt><dd>{f.number(r.invoiceCount)}</dd>
            <dt>{t('run.delivered')}</dt><dd>{f.hours(r.deliveredMin)}</dd>
            <dt>{t('run.missed')}</dt><dd>{f.hours(r.missedMin)}</dd>
            <dt>{t('run.fee')}</dt><dd>{money(r.feeOre)}</dd>
            <dt>{t('run.credits')}</dt><dd>{money(r.creditOre)}</dd>
            <dt>{t('run.total')}</dt><dd data-testid="run-total"><strong>{money(r.totalOre)}</strong></dd>
            <dt>{t('run.totalIfMissed')}</dt><dd data-testid="run-total-if-missed">{money(r.totalIfMissedBilledOre)}</dd>
          </dl>
        </>
      ) : null}
      <div className="actions">
        {!sent ? (
          <button type="button" className="primary" disabled={write.isPending} onClick={() => write.mutate(false)}>
            {r ? t('run.runAgain') : t('run.run')}
          </button>
        ) : null}
        {r && !sent ? (
          confirmSend ? (
            <>
              <span>{t('run.confirmSend')}</span>
              <button type="button" disabled={write.isPending} onClick={() => { setConfirmSend(false); write.mutate(true); }}>{t('run.sendYes')}</button>
              <button type="button" onClick={() => setConfirmSend(false)}>{t('run.sendNo')}</button>
            </>
          ) : <button type="button" onClick={() => setConfirmSend(true)}>{t('run.send')}</button>
        ) : null}
        {r ? <a className="button-link" href={invoiceCsvUrl(month)} download>{t('run.csv')}</a> : null}
      </div>
      {r && r.invoices.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('invoice.number')}</th>
                <th scope="col">{t('invoice.recipient')}</th>
                <th scope="col" className="num">{t('invoice.delivered')}</th>
                <th scope="col" className="num">{t('invoice.missed')}</th>
                <th scope="col">{t('invoice.limitedBy')}</th>
                <th scope="col" className="num">{t('invoice.credit')}</th>
                <th scope="col" className="num">{t('invoice.total')}</th>
              </tr>
            </thead>
            <tbody>
              {r.invoices.map((i) => (
                <tr key={i.id}>
                  <td>{i.number}</td>
                  <th scope="row">{i.recipient.name}</th>
                  <td className="num">{f.hours(i.deliveredMin)}</td>
                  <td className="num">{f.hours(i.missedMin)}</td>
                  <td>{t(`limitedBy.${i.limitedBy}`, { defaultValue: i.limitedBy })}</td>
                  <td className="num">{i.creditOre ? money(-Math.abs(i.creditOre)) : '–'}</td>
                  <td className="num">{money(i.totalOre)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
