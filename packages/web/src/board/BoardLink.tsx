// The way to the morning board from the team's day, kept apart from the board itself so that the
// day's list does not load the board's code.
import { Link } from 'react-router';
import { useBoardT } from './i18n.js';

export const boardPath = (teamId: string, date: string) => `/teams/${teamId}/days/${date}/board`;

export function BoardLink({ teamId, date }: { teamId: string | null; date: string }) {
  const { t } = useBoardT();
  if (!teamId) return null;
  return <p className="board-link" style={{ fontWeight: 600 }}><Link to={boardPath(teamId, date)}>{t('openBoard')}</Link></p>;
}
