// Who read a client's data, newest first: when, who, in what role, and what part of the record.
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '../api/types.js';
import { splitWhat } from './accessLog.js';
import { useFormats } from './format.js';

export function AccessLogTable({ entries, labelledBy }: { entries: AccessLogEntry[]; labelledBy: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (entries.length === 0) return <p>{t('accessLog.empty')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <table className="data access-log">
        <thead>
          <tr>
            <th scope="col">{t('accessLog.when')}</th>
            <th scope="col">{t('accessLog.who')}</th>
            <th scope="col">{t('accessLog.what')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td className="nowrap">{f.dateTime(e.at)}</td>
              <td>
                {e.who}
                <span className="muted own-line">{t(`role.${e.role}`, { defaultValue: e.role })}</span>
              </td>
              <td>
                {t(`accessCategory.${splitWhat(e.what).category}`, { defaultValue: splitWhat(e.what).category })}
                <span className="muted own-line small">{t(`accessAction.${e.action}`, { defaultValue: e.action })}: {splitWhat(e.what).endpoint}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
