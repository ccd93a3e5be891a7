// A client's next visits, day by day: the time window, what the visit is for and who is coming.
// Shared by the client's own page and the relative's.
import { useTranslation } from 'react-i18next';
import { useClientVisits, useToday } from '../api/queries.js';
import { addDays } from '../calendar.js';
import { fullName, useFormats } from '../ui/format.js';
import { QueryState } from '../ui/QueryState.js';
import { VisitMarkers } from '../ui/VisitStatus.js';
import { upcomingByDay } from './upcoming.js';

/** Today and the seven days after it. */
const daysAhead = 7;

export function UpcomingVisits({ clientId, headingLevel = 2 }: { clientId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const f = useFormats();
  const today = useToday();
  const visits = useClientVisits(clientId, today, daysAhead);
  const DayHeading = headingLevel === 2 ? 'h3' : 'h4';
  const dayLabel = (date: string) => {
    if (date === today) return `${t('upcoming.today')}, ${f.day(date)}`;
    if (date === addDays(today, 1)) return `${t('upcoming.tomorrow')}, ${f.day(date)}`;
    return f.day(date);
  };
  return (
    <QueryState query={visits}>
      {(d) => {
        const days = upcomingByDay(d.items, today);
        if (days.length === 0) return <p>{t('upcoming.none')}</p>;
        return (
          <div className="upcoming">
            {days.map((day) => (
              <section key={day.date} className="upcoming-day" aria-label={dayLabel(day.date)}>
                <DayHeading className="day-heading">{dayLabel(day.date)}</DayHeading>
                <ul className="upcoming-visits">
                  {day.visits.map((v) => (
                    <li key={v.id} className={`upcoming-visit status-${v.status}`}>
                      <span className="time">{f.window(v.windowStart, v.windowEnd)}</span>
                      <span className="what">{v.title} <VisitMarkers visit={v} /></span>
                      <span className="who">
                        {v.staff.length > 0
                          ? t('upcoming.coming', { names: v.staff.map(fullName).join(t('common.and')) })
                          : t('upcoming.notDecided')}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}
