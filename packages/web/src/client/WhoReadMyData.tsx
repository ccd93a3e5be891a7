// "Vem har läst mina uppgifter": the client's own access report, one line per person and minute,
// leaving out what the client read themselves. A section for the client's start page.
import { useTranslation } from 'react-i18next';
import { useAccessLog } from '../api/queries.js';
import { groupReads } from '../ui/accessLog.js';
import { useFormats } from '../ui/format.js';
import { QueryState } from '../ui/QueryState.js';

/** The report shows the latest reads; older ones are kept and a manager can see them all. */
const accessLogShown = 100;

export function WhoReadMyData({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const log = useAccessLog(clientId, accessLogShown);
  return (
    <section aria-labelledby="access-heading" className="panel">
      <h2 id="access-heading">{t('myVisits.whoRead')}</h2>
      <p>{t('myVisits.whoReadIntro')}</p>
      <QueryState query={log}>
        {(l) => {
          const reads = groupReads(l.items, 'client');
          if (reads.length === 0) return <p>{t('myVisits.nobodyRead')}</p>;
          return (
            <ul className="access-list">
              {reads.map((r) => (
                <li key={`${r.at}-${r.who}`}>
                  <span className="when">{f.dateTime(r.at)}</span>
                  <span>
                    {t('myVisits.readEntry', {
                      who: r.who,
                      role: t(`role.${r.role}`, { defaultValue: r.role }),
                      what: r.categories.map((c) => t(`accessCategory.${c}`, { defaultValue: c })).join(', '),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}
