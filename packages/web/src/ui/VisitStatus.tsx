// Small markers on a visit: its state, double staffing, video.
import { useTranslation } from 'react-i18next';
import type { Visit } from '../api/types.js';

export function VisitMarkers({ visit }: { visit: Pick<Visit, 'status' | 'staffCount' | 'video'> }) {
  const { t } = useTranslation();
  return (
    <span className="markers">
      {visit.status !== 'planned' ? <span className={`badge status-${visit.status}`}>{t(`visitStatus.${visit.status}`)}</span> : null}
      {visit.staffCount > 1 ? <span className="badge double">{t('visit.doubleStaffing')}</span> : null}
      {visit.video ? <span className="badge video">{t('visit.video')}</span> : null}
    </span>
  );
}
