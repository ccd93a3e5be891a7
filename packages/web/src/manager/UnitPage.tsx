// The unit manager's start: figures per team (staff, clients, today's visits and absences, done
// and missed visits in the last 14 days), with a way into each team's day and client list.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnitOverview } from '../api/queries.js';
import type { SessionUser } from '../api/types.js';
import { paths } from '../navigation.js';
import { useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';

export function UnitPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const f = useFormats();
  const overview = useUnitOverview(user.unitId);
  return (
    <Page title={overview.data ? overview.data.unit.name : t('unit.title')} subtitle={overview.data ? f.day(overview.data.date) : undefined}>
      {!user.unitId ? <p>{t('unit.noUnit')}</p> : (
        <QueryState query={overview}>
          {(o) => (
            <section aria-labelledby="teams-heading">
              <h2 id="teams-heading">{t('unit.teamsHeading')}</h2>
              <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="teams-heading">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('unit.team')}</th>
                      <th scope="col" className="num">{t('unit.staffCount')}</th>
                      <th scope="col" className="num">{t('unit.clientCount')}</th>
                      <th scope="col" className="num">{t('unit.visitsToday')}</th>
                      <th scope="col" className="num">{t('unit.absentToday')}</th>
                      <th scope="col" className="num">{t('unit.doneLast14')}</th>
                      <th scope="col" className="num">{t('unit.missedLast14')}</th>
                      <th scope="col">{t('unit.open')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.teams.map((team) => (
                      <tr key={team.id}>
                        <th scope="row">
                          {team.name}
                          <span className="muted own-line">{t(`teamKind.${team.kind}`, { defaultValue: team.kind })}</span>
                        </th>
                        <td className="num">{f.number(team.staffCount)}</td>
                        <td className="num">{f.number(team.clientCount)}</td>
                        <td className="num">{f.number(team.visitsToday)}</td>
                        <td className="num">{f.number(team.absentToday)}</td>
                        <td className="num">{f.number(team.doneLast14)}</td>
                        <td className={team.missedLast14 > 0 ? 'num attention' : 'num'}>{f.number(team.missedLast14)}</td>
                        <td className="links">
                          <Link to={paths.teamDay(team.id, o.date)} aria-label={t('unit.openDayFor', { team: team.name })}>{t('unit.openDay')}</Link>
                          <Link to={paths.teamClients(team.id)} aria-label={t('unit.openClientsFor', { team: team.name })}>{t('unit.openClients')}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </QueryState>
      )}
    </Page>
  );
}
