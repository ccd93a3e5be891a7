// The settings the follow-up rules take as arguments. Today the domain's defaults; a unit's own
// figures would be read here, so rules and routes never change when they become configurable.
import {
  defaultDeviationDeadlines, defaultLexSarahDeadlines, defaultMissedVisitSettings,
  type DeviationDeadlineSettings, type LexSarahDeadlineSettings, type MissedVisitSettings,
} from '@tillit/domain';

export interface FollowUpSettings {
  missedVisits: MissedVisitSettings;
  deviationDeadlines: DeviationDeadlineSettings;
  lexSarahDeadlines: LexSarahDeadlineSettings;
  /** The assessor's list: delivered below (1 − x) or above (1 + x) of granted. */
  followUpDeviationShare: number;
}

export const followUpSettings: FollowUpSettings = {
  missedVisits: defaultMissedVisitSettings,
  deviationDeadlines: defaultDeviationDeadlines,
  lexSarahDeadlines: defaultLexSarahDeadlines,
  followUpDeviationShare: 0.25,
};
