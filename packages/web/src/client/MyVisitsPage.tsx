// "Mina besök": the client's own page, in large text. Who is coming and when, my fixed contact,
// and who has read my data.
import { useTranslation } from 'react-i18next';
import { useClient, useMyClients } from '../api/queries.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import { FixedContact } from './FixedContact.js';
import { UpcomingVisits } from './UpcomingVisits.js';
import { WhoReadMyData } from './WhoReadMyData.js';

export function MyVisitsPage() {
  const { t } = useTranslation();
  const me = useMyClients();
  const clientId = me.data?.items[0]?.id;
  return (
    <Page title={t('myVisits.title')} className="large-text">
      <QueryState query={me}>
        {() => clientId ? (
          <>
            <section aria-labelledby="upcoming-heading" className="panel">
              <h2 id="upcoming-heading">{t('myVisits.upcoming')}</h2>
              <UpcomingVisits clientId={clientId} />
            </section>
            <ContactSection clientId={clientId} />
            <WhoReadMyData clientId={clientId} />
          </>
        ) : <p>{t('myVisits.noRecord')}</p>}
      </QueryState>
    </Page>
  );
}

function ContactSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  return (
    <section aria-labelledby="contact-heading" className="panel">
      <h2 id="contact-heading">{t('client.fixedContact')}</h2>
      <QueryState query={client}>{(c) => <FixedContact client={c} />}</QueryState>
    </section>
  );
}
