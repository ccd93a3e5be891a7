// A team's day (the morning board): who works and who is absent, and every visit with its time
// window, client and assigned staff. The coordinator opens their own team today; a unit manager
// opens any of their unit's teams on any day.
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTeamDay, useToday } from '../api/queries.js';
import type { SessionUser, TeamDay } from '../api/types.js';
import { addDays, isIsoDate } from '../calendar.js';
import { paths } from '../navigation.js';
import { fullName, useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import { VisitMarkers } from '../ui/VisitStatus.js';
import { lacksStaff, staffByState } from './board.js';
import { BoardLink } from '../board/BoardLink.js';
import { MissedVisits } from '../follow-up/MissedVisits.js';
import { TeamExtras } from '../team-extras/TeamExtras.js';

export function TeamTodayPage({ user }: { user: SessionUser }) {
  const today = useToday();
  return <TeamDayView teamId={user.teamId} date={today} />;
}

/** A team's day by address; `linkClients`: each client's name opens their access report. */
export function TeamDayPage({ linkClients = false }: { linkClients?: boolean }) {
  const { teamId, date } = useParams();
  const today = useToday();
  return <TeamDayView teamId={teamId ?? null} date={isIsoDate(date) ? date : today} navigable linkClients={linkClients} />;
}

interface ViewProps {
  teamId: string | null;
  date: string;
  navigable?: boolean;
  linkClients?: boolean;
}

function TeamDayView({ teamId, date, navigable = false, linkClients = false }: ViewProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const day = useTeamDay(teamId, date);
  const title = day.data ? t('teamDay.title', { team: day.data.team.name }) : t('teamDay.titleLoading');
  return (
    <Page title={title} subtitle={f.day(date)}>
      {navigable && teamId ? (
        <nav className="day-nav" aria-label={t('teamDay.otherDays')}>
          <Link to={paths.teamDay(teamId, addDays(date, -1))}>{t('common.previousDay')}</Link>
          <Link to={paths.teamDay(teamId, addDays(date, 1))}>{t('common.nextDay')}</Link>
        </nav>
      ) : null}
      <BoardLink teamId={teamId} date={date} />
      {teamId ? <MissedVisits teamId={teamId} date={date} /> : null}
      {teamId ? <QueryState query={day}>{(d) => <Board day={d} linkClients={linkClients} />}</QueryState> : <p>{t('teamDay.noTeam')}</p>}
      {teamId ? <TeamExtras teamId={teamId} date={date} /> : null}
    </Page>
  );
}

function Board({ day, linkClients }: { day: TeamDay; linkClients: boolean }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { working, absent, off } = staffByState(day.staff);
  const unassigned = day.visits.filter(lacksStaff).length;
  return (
    <>
      <section aria-labelledby="staff-heading" className="panel">
        <h2 id="staff-heading">{t('teamDay.staffHeading')}</h2>
        <div className="two-col">
          <div>
            <h3>{t('teamDay.onShift', { count: working.length })}</h3>
            <ul className="plain-list">
              {working.map((s) => (
                <li key={s.id}>
                  <span className="name">{fullName(s)}</span>{' '}
                  <span className="muted">{t(`staffTitle.${s.title}`, { defaultValue: s.title })}, {f.window(s.shift!.start, s.shift!.end)}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>{t('teamDay.absent', { count: absent.length })}</h3>
            {absent.length === 0 ? <p className="muted">{t('teamDay.noneAbsent')}</p> : (
              <ul className="plain-list">
                {absent.map((s) => (
                  <li key={s.id}>
                    <span className="name">{fullName(s)}</span>{' '}
                    <span className="badge absent">{t(`absenceReason.${s.absence!.reason}`, { defaultValue: s.absence!.reason })}</span>
                  </li>
                ))}
              </ul>
            )}
            {off.length > 0 ? (
              <>
                <h3>{t('teamDay.off', { count: off.length })}</h3>
                <p className="muted">{off.map(fullName).join(', ')}</p>
              </>
            ) : null}
          </div>
        </div>
      </section>
      <section aria-labelledby="visits-heading" className="panel">
        <h2 id="visits-heading">{t('teamDay.visitsHeading', { count: day.visits.length })}</h2>
        {unassigned > 0 ? <p className="notice">{t('teamDay.unassigned', { count: unassigned })}</p> : null}
        {day.visits.length === 0 ? <p>{t('teamDay.noVisits')}</p> : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="visits-heading">
            <table className="data visits-table">
              <thead>
                <tr>
                  <th scope="col">{t('visit.window')}</th>
                  <th scope="col">{t('visit.client')}</th>
                  <th scope="col">{t('visit.what')}</th>
                  <th scope="col">{t('visit.staff')}</th>
                </tr>
              </thead>
              <tbody>
                {day.visits.map((v) => (
                  <tr key={v.id} className={v.staffCount > 1 ? 'double-row' : undefined}>
                    <td className="nowrap">{f.window(v.windowStart, v.windowEnd)}</td>
                    <td>{linkClients ? <Link to={paths.accessReport(v.clientId)}>{fullName(v.client)}</Link> : fullName(v.client)}</td>
                    <td>{v.title} <VisitMarkers visit={v} /></td>
                    <td>
                      {v.staff.length > 0 ? v.staff.map(fullName).join(', ') : null}
                      {lacksStaff(v) ? <span className="badge warn">{t('visit.needsStaff')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
