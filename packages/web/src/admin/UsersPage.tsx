// The administrator's list of user accounts.
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/queries.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <Page title={t('users.title')}>
      <QueryState query={users}>
        {(d) => (
          <section aria-labelledby="users-heading">
            <h2 id="users-heading">{t('users.count', { count: d.items.length })}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-heading">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('users.username')}</th>
                    <th scope="col">{t('users.name')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u.username}</th>
                      <td>{u.displayName}</td>
                      <td>{t(`role.${u.role}`, { defaultValue: u.role })}</td>
                      <td>{u.disabled ? <span className="badge warn">{t('users.disabled')}</span> : t('users.active')}</td>
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
