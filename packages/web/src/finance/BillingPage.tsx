// Finance's month: delivered care per client, the basis of the fee. Missed and cancelled visits
// are shown as not billed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBilling, useToday } from '../api/queries.js';
import { monthOf } from '../calendar.js';
import { fullName, useFormats } from '../ui/format.js';
import { MonthPicker } from '../ui/MonthPicker.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import { InvoiceRun } from '../follow-up/InvoiceRun.js';

export function BillingPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const [month, setMonth] = useState(monthOf(useToday()));
  const billing = useBilling(month);
  return (
    <Page title={t('billing.title')} subtitle={t('billing.intro')}>
      <MonthPicker month={month} onChange={setMonth} />
      <InvoiceRun month={month} />
      <QueryState query={billing}>
        {(d) => (
          <section aria-labelledby="billing-heading">
            <h2 id="billing-heading">{t('billing.tableHeading', { count: d.items.length })}</h2>
            <p className="total">{t('billing.total', { hours: f.hours(d.totalDeliveredMin) })}</p>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="billing-heading">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('visit.client')}</th>
                    <th scope="col">{t('billing.address')}</th>
                    <th scope="col" className="num">{t('billing.doneVisits')}</th>
                    <th scope="col" className="num">{t('billing.delivered')}</th>
                    <th scope="col" className="num">{t('billing.notBilled')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r) => (
                    <tr key={r.clientId}>
                      <th scope="row">{fullName(r)}</th>
                      <td>{r.street}, {r.postalCode} {r.city}</td>
                      <td className="num">{f.number(r.doneVisits)}</td>
                      <td className="num">{f.hours(r.deliveredMin)}</td>
                      <td className="num">{f.number(r.notBilledVisits)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </QueryState>
    </Page>
  );
}
