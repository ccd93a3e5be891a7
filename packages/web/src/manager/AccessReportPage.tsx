// The unit manager's check of one client's access log.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccessLog, useClient } from '../api/queries.js';
import { paths } from '../navigation.js';
import { AccessLogTable } from '../ui/AccessLogTable.js';
import { fullName } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';

export function AccessReportPage() {
  const { clientId } = useParams();
  const { t } = useTranslation();
  const client = useClient(clientId);
  const log = useAccessLog(clientId);
  return (
    <Page title={client.data ? t('accessLog.titleFor', { name: fullName(client.data) }) : t('accessLog.title')}>
      <p>
        {client.data ? <Link to={paths.teamClients(client.data.teamId)}>{t('common.backToTeamClients', { team: client.data.teamName })}</Link> : null}
      </p>
      <h2 id="log-heading" className="visually-hidden">{t('accessLog.title')}</h2>
      <QueryState query={log}>{(l) => <AccessLogTable entries={l.items} labelledBy="log-heading" />}</QueryState>
    </Page>
  );
}
