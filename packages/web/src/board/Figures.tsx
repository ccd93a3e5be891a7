// The day's figures: planned and unplanned (with reasons), fixed contact, continuity today and
// over 14 days, first language, travel, air per person and breaks; and the same figures side by
// side for a change or a suggestion.
import { useTranslation } from 'react-i18next';
import { fullName } from '../ui/format.js';
import { useBoardT } from './i18n.js';
import type { Timeline, Unstaffed } from './timeline.js';
import type { DayPlanAnswer, PlanMetrics } from './types.js';

type M = Partial<PlanMetrics>;

function useNum() {
  const { i18n } = useTranslation();
  const loc = i18n.language;
  return {
    pct: (x: number | undefined) => (x === undefined ? '–' : new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 0 }).format(x)),
    dec: (x: number | undefined | null, d = 1) => (x === undefined || x === null ? '–' : new Intl.NumberFormat(loc, { maximumFractionDigits: d, minimumFractionDigits: d }).format(x)),
    int: (x: number | undefined) => (x === undefined ? '–' : new Intl.NumberFormat(loc, { maximumFractionDigits: 0 }).format(x)),
  };
}

/** The figures that a change or suggestion is compared on; `better` says which direction is good. */
const compared: { key: keyof PlanMetrics; kind: 'int' | 'pct' | 'dec'; better: 'up' | 'down' }[] = [
  { key: 'unassigned', kind: 'int', better: 'down' },
  { key: 'travelMin', kind: 'int', better: 'down' },
  { key: 'byFixedContact', kind: 'pct', better: 'up' },
  { key: 'byFixedContactWhereAble', kind: 'pct', better: 'up' },
  { key: 'byKnownStaff', kind: 'pct', better: 'up' },
  { key: 'firstLanguageMatch', kind: 'pct', better: 'up' },
  { key: 'distinctStaffPerClientMean', kind: 'dec', better: 'down' },
];

export function MetricDeltas({ before, after, beforeLabel, afterLabel }: { before: M; after: M; beforeLabel?: string; afterLabel?: string }) {
  const { t } = useBoardT();
  const n = useNum();
  const fmt = (kind: 'int' | 'pct' | 'dec', x: number | undefined) => (kind === 'pct' ? n.pct(x) : kind === 'dec' ? n.dec(x, 2) : n.int(x));
  return (
    <table className="data deltas">
      <caption className="visually-hidden">{t('figures.compareCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figures.figure')}</th>
          <th scope="col" className="num">{beforeLabel ?? t('figures.before')}</th>
          <th scope="col" className="num">{afterLabel ?? t('figures.after')}</th>
          <th scope="col">{t('figures.change')}</th>
        </tr>
      </thead>
      <tbody>
        {compared.map((c) => {
          const a = before[c.key];
          const b = after[c.key];
          const d = a !== undefined && b !== undefined ? b - a : 0;
          const verdict = Math.abs(d) < 1e-9 ? 'same' : (d > 0) === (c.better === 'up') ? 'better' : 'worse';
          return (
            <tr key={c.key} className={`delta-${verdict}`}>
              <th scope="row">{t(`metric.${c.key}`)}</th>
              <td className="num">{fmt(c.kind, a)}</td>
              <td className="num">{fmt(c.kind, b)}</td>
              <td>{t(`figures.${verdict}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function FiguresPanel({ plan, timeline }: { plan: DayPlanAnswer; timeline: Timeline }) {
  const { t } = useBoardT();
  const n = useNum();
  const m = plan.check.metrics;
  const working = timeline.lanes.filter((l) => l.state === 'working');
  const needBreak = working.filter((l) => l.breakNeeded);
  const kept = needBreak.filter((l) => l.breakPlanned);
  const reasons = countReasons(timeline.unstaffed);
  return (
    <section className="panel figures" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('figures.heading')}</h2>
      <dl className="figure-list">
        <div><dt>{t('figures.planned')}</dt><dd>{n.int(m.assigned)}</dd></div>
        <div><dt>{t('figures.unplanned')}</dt><dd className={timeline.unstaffed.length ? 'attention' : undefined}>{n.int(timeline.unstaffed.length)}</dd></div>
        <div><dt>{t('metric.byFixedContact')}</dt><dd>{n.pct(m.byFixedContact)}</dd></div>
        {/* The share the team can act on: a fixed contact who is off today cannot make the visit. */}
        <div><dt>{t('metric.byFixedContactWhereAble')}</dt><dd>{n.pct(m.byFixedContactWhereAble)}</dd></div>
        <div><dt>{t('metric.byKnownStaff')}</dt><dd>{n.pct(m.byKnownStaff)}</dd></div>
        <div><dt>{t('metric.distinctStaffPerClientMean')}</dt><dd>{n.dec(m.distinctStaffPerClientMean, 2)}</dd></div>
        <div><dt>{t('figures.continuity14')}</dt><dd>{t('figures.meanMedian', { mean: n.dec(plan.continuity14.mean), median: n.dec(plan.continuity14.median) })}</dd></div>
        <div><dt>{t('metric.firstLanguageMatch')}</dt><dd>{n.pct(m.firstLanguageMatch)}</dd></div>
        <div><dt>{t('metric.travelMin')}</dt><dd>{t('figures.minutes', { min: n.int(m.travelMin) })}</dd></div>
        <div><dt>{t('figures.breaksKept')}</dt><dd>{t('figures.ofCount', { n: kept.length, of: needBreak.length })}</dd></div>
        <div><dt>{t('figures.slackMean')}</dt><dd>{t('figures.minutes', { min: n.dec(m.slackMeanMin, 0) })}</dd></div>
      </dl>
      {timeline.unstaffed.length > 0 ? (
        <>
          <h3>{t('figures.unplannedWhy')}</h3>
          <ul className="plain-list">
            {Object.entries(reasons).map(([r, c]) => <li key={r}>{t(`unstaffed.${r}`, { count: c })}</li>)}
          </ul>
        </>
      ) : null}
      {plan.plan.unassigned.some((u) => u.reason !== 'not yet assigned') ? (
        <>
          <h3>{t('figures.engineReasons')}</h3>
          <ul className="plain-list">{plan.plan.unassigned.filter((u) => u.reason !== 'not yet assigned').map((u) => <li key={u.visit}>{u.reason}</li>)}</ul>
        </>
      ) : null}
      <h3>{t('figures.perPerson')}</h3>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('figures.person')}</th>
              <th scope="col" className="num">{t('figures.visits')}</th>
              <th scope="col" className="num">{t('figures.work')}</th>
              <th scope="col" className="num">{t('figures.slackPerson')}</th>
              <th scope="col">{t('figures.break')}</th>
            </tr>
          </thead>
          <tbody>
            {working.map((l) => {
              const gaps = l.gapsBetween;
              return (
                <tr key={l.staff.id}>
                  <th scope="row">{fullName(l.staff)}</th>
                  <td className="num">{l.items.filter((i) => i.kind === 'visit').length}</td>
                  <td className="num">{t('figures.minutes', { min: l.workMin })}</td>
                  <td className="num">{gaps.length ? t('figures.slackRange', { min: Math.min(...gaps), mean: Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length) }) : '–'}</td>
                  <td>{!l.breakNeeded ? t('figures.breakNotNeeded') : l.breakPlanned ? t('figures.breakYes') : <span className="attention">{t('figures.breakNo')}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('figures.fixedContactNote')}</p>
      <p className="small muted">{t('figures.slackNote')}</p>
    </section>
  );
}

function countReasons(list: Unstaffed[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of list) out[u.reason] = (out[u.reason] ?? 0) + 1;
  return out;
}
