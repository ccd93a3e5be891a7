// A relative's page: the next visits of each client who has consented, and their fixed contact.
import { useTranslation } from 'react-i18next';
import { useClient, useMyClients } from '../api/queries.js';
import type { PersonRef } from '../api/types.js';
import { FixedContact } from '../client/FixedContact.js';
import { UpcomingVisits } from '../client/UpcomingVisits.js';
import { fullName } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';

export function RelativePage() {
  const { t } = useTranslation();
  const clients = useMyClients();
  const only = clients.data?.items.length === 1 ? clients.data.items[0] : undefined;
  return (
    <Page title={only ? t('relative.titleFor', { name: fullName(only) }) : t('relative.title')} className="large-text">
      <QueryState query={clients}>
        {(c) => c.items.length === 0 ? <p>{t('relative.noConsent')}</p> : (
          <>{c.items.map((client) => <ClientSection key={client.id} client={client} showName={!only} />)}</>
        )}
      </QueryState>
    </Page>
  );
}

function ClientSection({ client, showName }: { client: PersonRef; showName: boolean }) {
  const { t } = useTranslation();
  const detail = useClient(client.id);
  const id = `client-${client.id}`;
  return (
    <section aria-labelledby={id} className="panel">
      {showName ? <h2 id={id}>{fullName(client)}</h2> : <h2 id={id}>{t('myVisits.upcoming')}</h2>}
      <UpcomingVisits clientId={client.id} />
      <h3>{t('client.fixedContact')}</h3>
      <QueryState query={detail}>{(c) => <FixedContact client={c} />}</QueryState>
    </section>
  );
}
