// The lanes of the morning board: one row per staff member, visits as blocks by planned time,
// breaks, and the gaps between them. A visit is dragged to another lane (person) and/or along
// the lane (time, on a 5-minute grid); clicking or pressing Enter on it selects it for the
// controls below, which is the keyboard way to do the same.
import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { fullName } from '../ui/format.js';
import { useBoardT } from './i18n.js';
import { skillName } from './names.js';
import { fromMin, snap5, toMin, type DayVisit, type Lane, type Timeline as TimelineData } from './timeline.js';

/** Pixels per minute of the timeline. */
export const pxPerMin = 2.4;

export interface DropMove {
  visit: DayVisit;
  fromStaffId: string | null;
  toStaffId: string;
  plannedStart: string;
}

interface Props {
  timeline: TimelineData;
  /** Prefix of element ids, so two timelines (the team's, the service group's) can share a page. */
  idPrefix?: string;
  /** The region's accessible name. */
  label?: string;
  locked: ReadonlySet<string>;
  known: Map<string, Set<string>> | null;
  selectedId: string | null;
  flagged: ReadonlySet<string>;
  onSelect(visit: DayVisit, fromStaffId: string | null): void;
  onDrop(move: DropMove): void;
  canEdit: boolean;
}

export function Timeline({ timeline, idPrefix = '', label, locked, known, selectedId, flagged, onSelect, onDrop, canEdit }: Props) {
  const { t } = useBoardT();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const width = (timeline.to - timeline.from) * pxPerMin;
  const hours: number[] = [];
  for (let h = timeline.from; h <= timeline.to; h += 60) hours.push(h);

  function dragEnd(e: DragEndEvent) {
    const data = e.active.data.current as { visit: DayVisit; fromStaffId: string | null; fromList?: boolean } | undefined;
    if (!data || !e.over) return;
    const toStaffId = String(e.over.id);
    const base = data.visit.plannedStart ?? data.visit.windowStart;
    // From the list below the lanes, the time is where the block was let go on the lane.
    const dropped = e.active.rect.current.translated;
    const start = data.fromList && dropped
      ? snap5(timeline.from + (dropped.left - e.over.rect.left) / pxPerMin)
      : snap5(toMin(base) + e.delta.x / pxPerMin);
    onDrop({ visit: data.visit, fromStaffId: data.fromStaffId, toStaffId, plannedStart: fromMin(start) });
  }

  return (
    <DndContext sensors={sensors} onDragEnd={dragEnd}>
      <div className="board-scroll" role="region" aria-label={label ?? t('timeline.label')} tabIndex={0}>
        <div className="board-grid" style={{ width: width + 176 }}>
          <div className="board-hours" aria-hidden="true">
            <span className="lane-head" />
            <span className="lane-track">
              {hours.map((h) => (
                <span key={h} className="hour" style={{ left: (h - timeline.from) * pxPerMin }}>{fromMin(h)}</span>
              ))}
            </span>
          </div>
          <ul className="lanes">
            {timeline.lanes.map((lane) => (
              <LaneRow key={lane.staff.id} lane={lane} from={timeline.from} width={width} locked={locked} known={known}
                selectedId={selectedId} flagged={flagged} onSelect={onSelect} canEdit={canEdit} />
            ))}
          </ul>
        </div>
      </div>
      <UnstaffedList timeline={timeline} idPrefix={idPrefix} selectedId={selectedId} onSelect={onSelect} canEdit={canEdit} />
    </DndContext>
  );
}

function LaneRow({ lane, from, width, locked, known, selectedId, flagged, onSelect, canEdit }: {
  lane: Lane; from: number; width: number; locked: ReadonlySet<string>; known: Map<string, Set<string>> | null;
  selectedId: string | null; flagged: ReadonlySet<string>; onSelect: Props['onSelect']; canEdit: boolean;
}) {
  const { t } = useBoardT();
  const droppable = lane.state === 'working' && canEdit;
  const { setNodeRef, isOver } = useDroppable({ id: lane.staff.id, disabled: !droppable });
  const s = lane.staff;
  return (
    <li className={`lane lane-${lane.state}${isOver ? ' lane-over' : ''}`} data-staff-id={s.id} aria-label={fullName(s)}>
      <div className="lane-head">
        <span className="name">{fullName(s)}</span>
        <span className="small muted">
          {t(`translation:staffTitle.${s.title}`, { defaultValue: s.title })}
          {s.shift && lane.state === 'working' ? `, ${s.shift.start.slice(0, 5)}–${s.shift.end.slice(0, 5)}` : null}
        </span>
        {lane.state === 'absent' ? <span className="badge absent">{t(`translation:absenceReason.${s.absence!.reason}`, { defaultValue: s.absence!.reason })}</span> : null}
        {lane.state === 'off' ? <span className="badge warn">{t('lane.noShift')}</span> : null}
      </div>
      <div ref={setNodeRef} className="lane-track" style={{ width }}>
        {s.shift && lane.state === 'working' ? (
          <span className="shift" aria-hidden="true" style={{ left: (toMin(s.shift.start) - from) * pxPerMin, width: (toMin(s.shift.end) - toMin(s.shift.start)) * pxPerMin }} />
        ) : null}
        {lane.state === 'absent' ? <span className="absent-note">{t('lane.absent')}</span> : null}
        {lane.items.map((it) => {
          const style = { left: (it.start - from) * pxPerMin, width: Math.max(4, (it.end - it.start) * pxPerMin) };
          if (it.kind === 'break') {
            return <span key={`b${it.start}`} className="block break" style={style} title={t('lane.breakTitle', { from: fromMin(it.start), to: fromMin(it.end) })}>{t('lane.break')}</span>;
          }
          if (it.kind === 'busy') {
            const busy = t('lane.busyTitle', { from: fromMin(it.start), to: fromMin(it.end) });
            return <span key={`o${it.start}`} className="block busy" style={style} title={busy}><span className="visually-hidden">{busy}</span></span>;
          }
          if (it.kind === 'trip') {
            return <TripBlock key={it.trip.id} item={it} staffId={s.id} style={style} selectedId={selectedId} onSelect={onSelect} canEdit={canEdit} />;
          }
          if (it.kind === 'gap') {
            if (it.end - it.start < 5) return null;
            const label = it.between ? t('lane.gapBetween', { min: it.end - it.start }) : t('lane.free', { min: it.end - it.start });
            return <span key={`g${it.start}`} className={`block gap${it.between ? ' between' : ''}`} style={style} title={label}><span className="visually-hidden">{label}</span>{it.end - it.start >= 15 ? <span aria-hidden="true">{it.end - it.start}′</span> : null}</span>;
          }
          return (
            <VisitBlock key={it.visit.id} visit={it.visit} staffId={s.id} style={style} locked={locked.has(it.visit.id)}
              known={known} selected={selectedId === it.visit.id} flagged={flagged.has(it.visit.id)} onSelect={onSelect} canEdit={canEdit} />
          );
        })}
      </div>
    </li>
  );
}

/** The words that describe a visit, for its accessible name and the selected-visit panel. */
export function useVisitDescription() {
  const { t } = useBoardT();
  return (v: DayVisit, staffId: string | null, known: Map<string, Set<string>> | null, locked: boolean): { tags: string[]; label: string } => {
    const tags: string[] = [];
    if (staffId && v.client.fixedContactStaffId === staffId) tags.push(t('visit.fixedContact'));
    else if (staffId && known?.get(v.clientId)?.has(staffId)) tags.push(t('visit.known'));
    if (v.staffCount > 1) tags.push(t('translation:visit.doubleStaffing'));
    if (locked) tags.push(t('visit.locked'));
    if (v.status !== 'planned') tags.push(t(`translation:visitStatus.${v.status}`));
    const start = v.plannedStart ? v.plannedStart.slice(0, 5) : t('visit.noTime');
    const label = t('visit.label', {
      client: fullName(v.client), title: v.title, start, min: v.durationMin,
      window: `${v.windowStart.slice(0, 5)}–${v.windowEnd.slice(0, 5)}`,
      skills: v.skills.map((k) => skillName(t, k)).join(', ') || '–',
    }) + (tags.length ? `, ${tags.join(', ')}` : '');
    return { tags, label };
  };
}

function VisitBlock({ visit: v, staffId, style, locked, known, selected, flagged, onSelect, canEdit }: {
  visit: DayVisit; staffId: string; style: { left: number; width: number }; locked: boolean; known: Map<string, Set<string>> | null;
  selected: boolean; flagged: boolean; onSelect: Props['onSelect']; canEdit: boolean;
}) {
  const { t } = useBoardT();
  const describe = useVisitDescription();
  const movable = canEdit && v.status === 'planned';
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: `${v.id}:${staffId}`, data: { visit: v, fromStaffId: staffId }, disabled: !movable });
  const { label } = describe(v, staffId, known, locked);
  const fixed = v.client.fixedContactStaffId === staffId;
  const knows = !fixed && !!known?.get(v.clientId)?.has(staffId);
  const cls = ['block', 'visit', `status-${v.status}`, fixed ? 'fixed' : knows ? 'known' : '', v.staffCount > 1 ? 'double' : '', selected ? 'selected' : '', flagged ? 'flagged' : '', isDragging ? 'dragging' : '']
    .filter(Boolean).join(' ');
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={cls}
      data-visit-id={v.id}
      style={{ ...style, ...(transform ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 5 } : {}) }}
      aria-pressed={selected}
      title={label}
      onClick={() => onSelect(v, staffId)}
      {...(movable ? listeners : {})}
    >
      <span className="v-name">{v.client.lastName}</span>
      <span className="visually-hidden">: {label}</span>
      <span className="v-meta" aria-hidden="true">
        {fixed ? <span className="mark" aria-hidden="true">{t('visit.fixedShort')}</span> : null}
        {knows ? <span className="mark" aria-hidden="true">{t('visit.knownShort')}</span> : null}
        {v.staffCount > 1 ? <span className="mark" aria-hidden="true">2</span> : null}
        {locked ? <span className="mark" aria-hidden="true">{t('visit.lockedShort')}</span> : null}
        {v.status === 'done' ? <span className="mark" aria-hidden="true">✓</span> : null}
      </span>
    </button>
  );
}

/**
 * An errand trip (decision 0009): one block listing its deliveries in order, the team's clients by
 * name and other teams' as "another team's client", and the minutes it saves. Dragging or
 * selecting it moves its first own visit, and the server moves the whole trip with it.
 */
function TripBlock({ item, staffId, style, selectedId, onSelect, canEdit }: {
  item: Extract<Lane['items'][number], { kind: 'trip' }>; staffId: string; style: { left: number; width: number };
  selectedId: string | null; onSelect: Props['onSelect']; canEdit: boolean;
}) {
  const { t } = useBoardT();
  const { trip, members } = item;
  const lead = members[0];
  const movable = canEdit && !!lead && lead.status === 'planned';
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: `${trip.id}:${staffId}`, data: { visit: lead, fromStaffId: staffId }, disabled: !movable });
  const clients = trip.stops.map((x) => (x.client ? fullName(x.client) : t('trip.otherClient')));
  const selected = members.some((m) => m.id === selectedId);
  const label = t('trip.label', {
    kind: t(`trip.kind.${trip.kinds.join('-')}`), from: fromMin(item.start), to: fromMin(item.end),
    clients: trip.stops.map((x, i) => `${x.start ? x.start.slice(0, 5) : ''} ${clients[i]}`.trim()).join(', '), min: trip.savedMin,
  }) + (trip.locked ? `, ${t('visit.locked')}` : '');
  const cls = ['block', 'visit', 'trip', selected ? 'selected' : '', isDragging ? 'dragging' : ''].filter(Boolean).join(' ');
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={cls}
      data-trip-id={trip.id}
      style={{ ...style, ...(transform ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 5 } : {}) }}
      aria-pressed={selected}
      title={label}
      disabled={!lead}
      onClick={() => lead && onSelect(lead, staffId)}
      {...(movable ? listeners : {})}
    >
      <span className="v-name">{t(`trip.kind.${trip.kinds.join('-')}`)}</span>
      <span className="visually-hidden">: {label}</span>
      <span className="trip-stops" aria-hidden="true">{clients.join(' · ')}</span>
      <span className="v-meta" aria-hidden="true">
        <span className="mark">{t('trip.savedShort', { min: trip.savedMin })}</span>
        {trip.locked ? <span className="mark">{t('visit.lockedShort')}</span> : null}
      </span>
    </button>
  );
}

function UnstaffedList({ timeline, idPrefix, selectedId, onSelect, canEdit }: { timeline: TimelineData; idPrefix: string; selectedId: string | null; onSelect: Props['onSelect']; canEdit: boolean }) {
  const { t } = useBoardT();
  return (
    <section className="unstaffed" aria-labelledby={`${idPrefix}unstaffed-heading`}>
      <h3 id={`${idPrefix}unstaffed-heading`}>{t('unstaffed.heading', { count: timeline.unstaffed.length })}</h3>
      {timeline.unstaffed.length === 0 ? <p className="muted">{t('unstaffed.none')}</p> : (
        <ul className="unstaffed-list">
          {timeline.unstaffed.map((u) => <UnstaffedItem key={u.visit.id} u={u} selected={selectedId === u.visit.id} onSelect={onSelect} canEdit={canEdit} />)}
        </ul>
      )}
    </section>
  );
}

function UnstaffedItem({ u, selected, onSelect, canEdit }: { u: TimelineData['unstaffed'][number]; selected: boolean; onSelect: Props['onSelect']; canEdit: boolean }) {
  const { t } = useBoardT();
  const v = u.visit;
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: `${v.id}:none`, data: { visit: v, fromStaffId: null, fromList: true }, disabled: !canEdit });
  const why = u.reason === 'absent' || u.reason === 'notWorking'
    ? t(`unstaffed.why.${u.reason}`, { names: u.lost.map(fullName).join(', ') })
    : t(`unstaffed.why.${u.reason}`);
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className={`unstaffed-visit${selected ? ' selected' : ''}${isDragging ? ' dragging' : ''}`}
        data-visit-id={v.id}
        aria-pressed={selected}
        style={{ width: Math.max(7.5 * 16, v.durationMin * pxPerMin), ...(transform ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 5 } : {}) }}
        onClick={() => onSelect(v, null)}
        {...(canEdit ? listeners : {})}
      >
        <span className="v-name">{fullName(v.client)}</span>
        <span className="small">{v.windowStart.slice(0, 5)}–{v.windowEnd.slice(0, 5)}, {v.durationMin} min{v.staffCount > 1 ? `, ${t('translation:visit.doubleStaffing')}` : ''}</span>
      </button>
      <span className="small why">{why}</span>
    </li>
  );
}
