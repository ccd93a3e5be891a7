// Step between months: previous, the month shown, next.
import { useTranslation } from 'react-i18next';
import { addMonths } from '../calendar.js';
import { useFormats } from './format.js';

export function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <div className="month-picker" role="group" aria-label={t('common.month')}>
      <button type="button" onClick={() => onChange(addMonths(month, -1))}>
        <span aria-hidden="true">‹ </span>{t('common.previousMonth')}
      </button>
      <span className="month-name" aria-live="polite">{f.month(month)}</span>
      <button type="button" onClick={() => onChange(addMonths(month, 1))}>
        {t('common.nextMonth')}<span aria-hidden="true"> ›</span>
      </button>
    </div>
  );
}
