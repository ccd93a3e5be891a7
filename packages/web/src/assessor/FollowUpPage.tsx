// The needs assessor's follow-up of a month: for each client, the hours granted in the decision,
// planned in the care plan and actually delivered, and the visits that were missed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFollowUp, useToday } from '../api/queries.js';
import { monthOf } from '../calendar.js';
import { fullName, useFormats } from '../ui/format.js';
import { MonthPicker } from '../ui/MonthPicker.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';

export function FollowUpPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const [month, setMonth] = useState(monthOf(useToday()));
  const followUp = useFollowUp(month);
  return (
    <Page title={t('followUp.title')} subtitle={t('followUp.intro')}>
      <MonthPicker month={month} onChange={setMonth} />
      <QueryState query={followUp}>
        {(d) => (
          <section aria-labelledby="follow-up-heading">
            <h2 id="follow-up-heading">{t('followUp.tableHeading', { count: d.items.length })}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="follow-up-heading">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('visit.client')}</th>
                    <th scope="col">{t('followUp.team')}</th>
                    <th scope="col" className="num">{t('followUp.granted')}</th>
                    <th scope="col" className="num">{t('followUp.planned')}</th>
                    <th scope="col" className="num">{t('followUp.delivered')}</th>
                    <th scope="col" className="num">{t('followUp.missed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r) => (
                    <tr key={r.clientId}>
                      <th scope="row">{fullName(r)}</th>
                      <td>{r.teamName}</td>
                      <td className="num">{f.hours(r.grantedMin)}</td>
                      <td className="num">{f.hours(r.plannedMin)}</td>
                      <td className="num">{f.hours(r.deliveredMin)}</td>
                      <td className={r.missedVisits > 0 ? 'num attention' : 'num'}>{f.number(r.missedVisits)}</td>
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
