// The client's own named staff member (fast omsorgskontakt) and the team's phone number.
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../api/types.js';
import { fullName } from '../ui/format.js';

export function FixedContact({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  return (
    <div className="fixed-contact">
      {client.fixedContact ? (
        <p>
          <span className="contact-name">{fullName(client.fixedContact)}</span>
          <span className="muted own-line">{t(`staffTitle.${client.fixedContact.title}`, { defaultValue: client.fixedContact.title })}, {client.teamName}</span>
        </p>
      ) : <p>{t('client.noFixedContact')}</p>}
      <p>
        {t('client.callTeam')}{' '}
        <a href={`tel:${client.teamPhone.replace(/[^\d+]/g, '')}`} className="phone">{client.teamPhone}</a>
      </p>
    </div>
  );
}
