// "Who read my data": the client sees each read of their record by someone else, newest first
// (the access log the server keeps of every read, HSLF-FS 2016:40), in their own language.
import type { TFunction } from 'i18next';
import { useAccessLog } from '../api/queries.js';
import { groupReads } from '../ui/accessLog.js';
import { languageOf, type ClientLanguage } from './i18n/index.js';

/** The latest reads are shown; older ones are kept and a manager can see them all. */
const shown = 100;

export function AccessReport({ clientId, t, lang }: { clientId: string; t: TFunction; lang: ClientLanguage }) {
  const log = useAccessLog(clientId, shown);
  const when = new Intl.DateTimeFormat(languageOf(lang).locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm', numberingSystem: 'latn' });
  const reads = log.data ? groupReads(log.data.items, 'client') : null;
  return (
    <section className="cw-panel cw-access" aria-labelledby="cw-access">
      <h2 id="cw-access">{t('access.heading')}</h2>
      <p>{t('access.intro')}</p>
      {log.isError ? <p role="alert">{t('error')}</p> : null}
      {reads && reads.length === 0 ? <p>{t('access.nobody')}</p> : null}
      {reads && reads.length > 0 ? (
        <ul className="access-list cw-access-list">
          {reads.map((r) => (
            <li key={`${r.at}-${r.who}`}>
              <span className="cw-when">{when.format(new Date(r.at))}</span>{' '}
              <span>{t('access.entry', {
                who: r.who,
                role: t(`access.role.${r.role}`, { defaultValue: r.role }),
                what: r.categories.map((c) => t(`access.category.${c}`, { defaultValue: c })).join(t('comma')),
              })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
