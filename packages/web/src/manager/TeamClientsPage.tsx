// A team's clients for the unit manager, each with a link to who read their record.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTeamClients, useTeams } from '../api/queries.js';
import { paths } from '../navigation.js';
import { fullName, useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';

export function TeamClientsPage() {
  const { teamId } = useParams();
  const { t } = useTranslation();
  const f = useFormats();
  const teams = useTeams();
  const clients = useTeamClients(teamId);
  const team = teams.data?.items.find((x) => x.id === teamId);
  return (
    <Page title={team ? t('teamClients.title', { team: team.name }) : t('teamClients.titleLoading')}>
      <p><Link to={paths.unit}>{t('common.backToUnit')}</Link></p>
      <QueryState query={clients}>
        {(c) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('teamClients.tableLabel')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('visit.client')}</th>
                  <th scope="col">{t('client.fixedContact')}</th>
                  <th scope="col">{t('client.languages')}</th>
                  <th scope="col">{t('accessLog.short')}</th>
                </tr>
              </thead>
              <tbody>
                {c.items.map((client) => (
                  <tr key={client.id}>
                    <th scope="row">{fullName(client)}</th>
                    <td>{client.fixedContact ? fullName(client.fixedContact) : <span className="muted">{t('client.noFixedContact')}</span>}</td>
                    <td>{client.languages.map(f.languageName).join(', ')}</td>
                    <td><Link to={paths.accessReport(client.id)} aria-label={t('accessLog.openForName', { name: fullName(client) })}>{t('accessLog.openFor')}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Page>
  );
}
