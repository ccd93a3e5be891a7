// The morning board (issue 5): one screen per team and day. Absence first, a suggested plan as a
// job (and what it weighs, the team's planning weights), the timeline per person to adjust by
// drag or by keyboard with every change checked before it is saved, locks, undo, publish, the
// day's figures and staff swap requests. Every write names the day's version; when someone else
// got there first the day is reloaded with their change and the coordinator is told so.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTeamDay, useToday } from '../api/queries.js';
import { addDays, isIsoDate } from '../calendar.js';
import { paths } from '../navigation.js';
import { fullName, useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { ErrorMessage } from '../ui/QueryState.js';
import { boardApi, useBoardWrite, useDayPlan, useKnownStaff, useServiceDay, useSwapRequests, writeFailure } from './api.js';
import { AbsenceForm } from './AbsenceForm.js';
import { boardPath } from './BoardLink.js';
import { FiguresPanel } from './Figures.js';
import { useBoardT } from './i18n.js';
import { MovePanel, type Proposal } from './MovePanel.js';
import { namesFor } from './names.js';
import { PlanningPanel } from './PlanningPanel.js';
import { PlanningWeightsPanel } from './PlanningWeights.js';
import { SwapPanel } from './SwapPanel.js';
import { Timeline, type DropMove } from './Timeline.js';
import { buildTimeline, staffAfterMove, type DayVisit } from './timeline.js';
import { Violations } from './Violations.js';
import { MissedVisits } from '../follow-up/MissedVisits.js';
import { visitsNamed } from './violations.js';
import type { ServiceGroup, Violation } from './types.js';
import './board.css';

export function BoardPage() {
  const { teamId, date } = useParams();
  const today = useToday();
  const d = isIsoDate(date) ? date : today;
  if (!teamId) return null;
  return <BoardView key={`${teamId}/${d}`} teamId={teamId} date={d} />;
}

type Message = { tone: 'ok' | 'bad'; text: string; violations?: Violation[] };

function BoardView({ teamId, date }: { teamId: string; date: string }) {
  const { t } = useBoardT();
  const f = useFormats();
  const day = useTeamDay(teamId, date);
  const plan = useDayPlan(teamId, date);
  const swaps = useSwapRequests(teamId, date);
  const known = useKnownStaff(teamId, date);
  const [selected, setSelected] = useState<{ visitId: string; fromStaffId: string | null } | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const write = useBoardWrite(teamId, date, (action: () => Promise<unknown>) => action());

  const service = useServiceDay(teamId, date);
  const groups = service.data?.groups ?? [];

  const ownTimeline = useMemo(() => (day.data ? buildTimeline(day.data, plan.data?.plan ?? null, [], plan.data?.trips) : null), [day.data, plan.data]);
  const serviceOnly = useMemo(() => groups.map((g) => ({ group: g, timeline: buildTimeline(g, g.plan, g.busy, g.trips) })), [service.data]);
  // The team's and the service staff's lanes share one time scale, so the same hour lines up.
  const [timeline, serviceTimelines] = useMemo(() => {
    if (!ownTimeline) return [null, serviceOnly] as const;
    const from = Math.min(ownTimeline.from, ...serviceOnly.map((x) => x.timeline.from));
    const to = Math.max(ownTimeline.to, ...serviceOnly.map((x) => x.timeline.to));
    return [{ ...ownTimeline, from, to }, serviceOnly.map((x) => ({ ...x, timeline: { ...x.timeline, from, to } }))] as const;
  }, [ownTimeline, serviceOnly]);
  const names = useMemo(
    () => namesFor([...(day.data?.staff ?? []), ...groups.flatMap((g) => g.staff)], [...(day.data?.visits ?? []), ...groups.flatMap((g) => g.visits)], t('service.otherClient')),
    [day.data, service.data, t],
  );
  const visitIds = useMemo(() => new Set((day.data?.visits ?? []).map((v) => v.id)), [day.data]);
  const flagged = useMemo(() => new Set((plan.data?.check.details ?? []).flatMap((v) => visitsNamed(v, visitIds))), [plan.data, visitIds]);
  const locked = useMemo(() => new Set([...(plan.data?.locked ?? []), ...groups.flatMap((g) => g.locked)]), [plan.data, service.data]);
  /** The service group whose visit is selected, if any: its staff, and its day's version for writes. */
  const groupOf = (visitId: string | undefined): ServiceGroup | null => (visitId ? groups.find((g) => g.visits.some((v) => v.id === visitId)) ?? null : null);

  const title = day.data ? t('title', { team: day.data.team.name }) : t('titleLoading');
  const version = plan.data?.version;

  /** What using a suggestion did, and what it left as recorded (visits settled meanwhile, trips under way). */
  const appliedMessage = (r: { moved: number; retimed: number; kept: number }) =>
    r.kept > 0 ? `${t('planning.applied', r)} ${t('planning.kept', r)}` : t('planning.applied', r);

  /** Run a write with the day's version; say how it went, and on 409 that the day was reloaded. */
  function run(action: (version: number) => Promise<unknown>, ok: (result: unknown) => string, after?: () => void, dayVersion = version) {
    if (dayVersion === undefined) return;
    setMessage(null);
    write.mutate(() => action(dayVersion), {
      onSuccess: (r) => {
        setMessage({ tone: 'ok', text: ok(r) });
        after?.();
      },
      onError: (e) => showFailure(e),
    });
  }

  function showFailure(e: unknown) {
    const w = writeFailure(e);
    if (w.kind === 'conflict') {
      setProposal(null);
      setMessage({ tone: 'bad', text: t('conflict') });
    } else if (w.kind === 'rule') {
      setMessage({ tone: 'bad', text: t('ruleBroken'), violations: w.violations });
    } else {
      setMessage({ tone: 'bad', text: t('writeFailed') });
    }
  }

  const selectedGroup = groupOf(selected?.visitId);
  const teamWorking = timeline?.lanes.filter((l) => l.state === 'working').map((l) => l.staff) ?? [];
  // A service visit moves among the service staff; the team's visits among the team.
  const working = selectedGroup
    ? serviceTimelines.find((x) => x.group === selectedGroup)!.timeline.lanes.filter((l) => l.state === 'working').map((l) => l.staff)
    : teamWorking;
  const absentIds = new Set([...(day.data?.staff ?? []), ...groups.flatMap((g) => g.staff)].filter((s) => s.absence).map((s) => s.id));
  const selectedVisit = selected ? (selectedGroup?.visits ?? day.data?.visits ?? []).find((v) => v.id === selected.visitId) ?? null : null;

  function onDrop(m: DropMove) {
    const staffIds = staffAfterMove(m.visit, m.fromStaffId, m.toStaffId, absentIds);
    setSelected({ visitId: m.visit.id, fromStaffId: m.toStaffId });
    setProposal({ visitId: m.visit.id, change: { staffIds, plannedStart: m.plannedStart } });
    setMessage(null);
  }
  // The team's lanes and the service group's lanes are edited the same way.
  const editable = {
    locked, known, flagged, canEdit: true, onDrop,
    selectedId: selected?.visitId ?? null,
    onSelect: (v: DayVisit, from: string | null) => {
      setSelected({ visitId: v.id, fromStaffId: from });
      setProposal(null);
    },
  };

  return (
    <Page title={title} subtitle={f.day(date)} className="board-page">
      <nav className="day-nav" aria-label={t('otherDays')}>
        <Link to={boardPath(teamId, addDays(date, -1))}>{t('translation:common.previousDay')}</Link>
        <Link to={boardPath(teamId, addDays(date, 1))}>{t('translation:common.nextDay')}</Link>
        <Link to={paths.teamDay(teamId, date)}>{t('visitList')}</Link>
      </nav>
      <div className="board-messages" aria-live="polite">
        {message ? (
          <div className={message.tone === 'ok' ? 'ok-note' : 'alert'} role={message.tone === 'ok' ? 'status' : 'alert'}>
            <p>{message.text}</p>
            {message.violations?.length ? <Violations list={message.violations} names={names} /> : null}
          </div>
        ) : null}
      </div>
      <MissedVisits teamId={teamId} date={date} />
      {day.isError ? <ErrorMessage error={day.error} /> : null}
      {plan.isError ? <ErrorMessage error={plan.error} /> : null}
      {!day.data || !plan.data || !timeline ? (day.isError || plan.isError ? null : <p className="loading" role="status">{t('translation:common.loading')}</p>) : (
        <>
          <section className="panel board-toolbar" aria-label={t('toolbar')}>
            <p className="publication">
              {plan.data.publishedAt
                ? t('published', { at: f.dateTime(plan.data.publishedAt), version: plan.data.publishedVersion })
                : t('notPublished')}
              {plan.data.publishedAt && plan.data.changesAfterPublish > 0 ? <span className="badge warn">{t('changedAfterPublish', { count: plan.data.changesAfterPublish })}</span> : null}
              {plan.data.version !== plan.data.publishedVersion ? <span className="muted small"> {t('version', { version: plan.data.version })}</span> : null}
            </p>
            <div className="actions">
              <button type="button" onClick={() => run((v) => boardApi.undo(teamId, date, v), (r) => ((r as { undone: string | null }).undone ? t('undone', { visit: names.visit((r as { undone: string }).undone) }) : t('nothingToUndo')))} disabled={write.isPending}>
                {t('undo')}
              </button>
              <button type="button" className="primary" onClick={() => run((v) => boardApi.publish(teamId, date, v), () => t('publishedNow'))} disabled={write.isPending}>
                {plan.data.publishedAt ? t('publishAgain') : t('publish')}
              </button>
            </div>
          </section>
          <div className="board-top">
            <AbsenceForm
              staff={day.data.staff}
              date={date}
              busy={write.isPending}
              onSubmit={(b) => run(() => boardApi.recordAbsence(teamId, b), () => t('absence.saved', { name: names.staff(b.staffId), reason: t(`translation:absenceReason.${b.reason}`) }))}
            />
            <PlanningPanel
              teamId={teamId}
              date={date}
              plan={plan.data}
              applying={write.isPending}
              onError={showFailure}
              onApply={(jobId, done) => run((v) => boardApi.applyPlanning(jobId, v), (r) => appliedMessage(r as { moved: number; retimed: number; kept: number }), done)}
              weightsOpen={weightsOpen}
              weightsId="planning-weights"
              onToggleWeights={() => setWeightsOpen(!weightsOpen)}
            />
          </div>
          {weightsOpen ? <PlanningWeightsPanel teamId={teamId} id="planning-weights" /> : null}
          <section className="panel timeline-panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('timeline.heading')}</h2>
            <p className="small muted">{t('timeline.help')}</p>
            <Legend />
            <Timeline timeline={timeline} {...editable} />
            {serviceTimelines.map(({ group, timeline: st }) => (
              <section key={group.team.id} className="service-timeline" aria-labelledby={`service-${group.team.id}`} data-service-team={group.team.id}>
                <h3 id={`service-${group.team.id}`}>{t('service.heading', { team: group.team.name })}</h3>
                <p className="small muted">{t('service.help')}</p>
                <Timeline timeline={st} idPrefix={`service-${group.team.id}-`} label={t('service.label', { team: group.team.name })} {...editable} />
              </section>
            ))}
            {!plan.data.check.valid ? (
              <details className="plan-violations">
                <summary>{t('planBreaks', { count: plan.data.check.violations.length })}</summary>
                <Violations list={plan.data.check.details} names={names} />
              </details>
            ) : null}
          </section>
          {selectedVisit ? (
            <MovePanel
              teamId={teamId}
              date={date}
              visit={selectedVisit}
              working={working}
              proposal={proposal?.visitId === selectedVisit.id ? proposal : null}
              locked={locked.has(selectedVisit.id)}
              names={names}
              busy={write.isPending}
              onPropose={setProposal}
              onClose={() => {
                setSelected(null);
                setProposal(null);
              }}
              onLock={(lock) => run((v) => boardApi.patchVisit(teamId, date, selectedVisit.id, { version: v, locked: lock }), () => (lock ? t('lockedNow') : t('unlockedNow')), undefined, selectedGroup?.version ?? version)}
              onSave={(p, accept) => run(
                (v) => boardApi.patchVisit(teamId, date, p.visitId, { version: v, ...p.change, acceptViolations: accept }),
                () => t('saved', { visit: names.visit(p.visitId), who: p.change.staffIds.map((id) => names.staff(id)).join(', '), start: p.change.plannedStart ?? '–' }),
                () => setProposal(null),
                selectedGroup?.version ?? version,
              )}
            />
          ) : null}
          <div className="board-bottom">
            <FiguresPanel plan={plan.data} timeline={timeline} />
            <SwapPanel
              swaps={swaps.data?.items ?? []}
              working={teamWorking}
              names={names}
              busy={write.isPending}
              onDecide={(s, decision, to) => run(
                (v) => boardApi.decideSwap(s.id, { decision, version: v, ...(to ? { toStaffId: to } : {}) }),
                () => (decision === 'confirm' ? t('swaps.confirmed') : t('swaps.declined')),
              )}
            />
          </div>
          <p className="small muted">{t('absentListed', { names: day.data.staff.filter((s) => s.absence).map(fullName).join(', ') || '–' })}</p>
        </>
      )}
    </Page>
  );
}

function Legend() {
  const { t } = useBoardT();
  return (
    <ul className="legend" aria-label={t('legend.label')}>
      <li><span className="swatch fixed" aria-hidden="true" />{t('legend.fixed')}</li>
      <li><span className="swatch known" aria-hidden="true" />{t('legend.known')}</li>
      <li><span className="swatch other" aria-hidden="true" />{t('legend.other')}</li>
      <li><span className="swatch break" aria-hidden="true" />{t('legend.break')}</li>
      <li><span className="swatch gap" aria-hidden="true" />{t('legend.gap')}</li>
      <li><span className="swatch flagged" aria-hidden="true" />{t('legend.flagged')}</li>
      <li><span className="swatch busy" aria-hidden="true" />{t('legend.busy')}</li>
      <li><span className="swatch trip" aria-hidden="true" />{t('legend.trip')}</li>
    </ul>
  );
}
