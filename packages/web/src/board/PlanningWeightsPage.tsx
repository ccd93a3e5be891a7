// The team's planning weights on a page of their own, for the team's staff, who have no board:
// reached from "Min dag". The coordinator and the unit manager see the same panel on the board.
import { useParams } from 'react-router';
import { Page } from '../ui/Page.js';
import { useBoardT } from './i18n.js';
import { PlanningWeightsPanel } from './PlanningWeights.js';
import './board.css';

export function PlanningWeightsPage() {
  const { teamId } = useParams();
  const { t } = useBoardT();
  return (
    <Page title={t('weights.heading')} className="weights-page">
      {teamId ? <PlanningWeightsPanel teamId={teamId} heading={false} /> : null}
    </Page>
  );
}
