// The unit manager's improvements in plan–do–study–act form (PDSA; PGSA in the Kalix review):
// plan a change for a recurring cause (a deviation type and team, opened from the learning table),
// with what we expect, how we measure it and the date to study the effect; then record that the
// change started, what the study showed, and the decision (adopt, adapt, abandon). Improvements
// whose study date has come are listed first and marked. The server keeps the order of the steps
// and refuses a study before its date (domain/deviations/improvement.ts).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useToday, useUnitOverview } from '../api/queries.js';
import type { SessionUser } from '../api/types.js';
import { addDays } from '../calendar.js';
import { paths } from '../navigation.js';
import { useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import {
  useImprovements, useImprovementStep, usePlanImprovement,
  type Improvement, type ImprovementPlanInput, type ImprovementStepInput,
} from './api.js';
import { useFollowUpT } from './i18n.js';
import { problemText } from './MissedVisits.js';
import './follow-up.css';

/** The deviation types of domain/deviations/deviation.ts, in the order the form offers them. */
const deviationTypes = ['missed_visit', 'late_visit', 'fall', 'medication_error', 'treatment', 'security', 'other'] as const;
const decisions = ['adopt', 'adapt', 'abandon'] as const;
const stepOrder = ['planned', 'doing', 'studied', 'acted'] as const;

export function ImprovementsPage({ user }: { user: SessionUser }) {
  const { t } = useFollowUpT();
  const [params, setParams] = useSearchParams();
  const list = useImprovements(user.unitId);
  const overview = useUnitOverview(user.unitId);
  const teamName = new Map((overview.data?.teams ?? []).map((x) => [x.id, x.name]));
  const [created, setCreated] = useState<string | null>(null);
  const planning = params.get('new') === '1';
  const setPlanning = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('new', '1');
    else for (const k of ['new', 'type', 'team']) next.delete(k);
    setParams(next);
  };

  return (
    <Page title={t('improvements.title')} subtitle={t('improvements.intro')} className="follow-up-page improvements-page">
      <p><Link to={paths.deviations}>{t('improvements.backToDeviations')}</Link></p>
      <div aria-live="polite">{created ? <p className="ok-note" role="status">{t('improvements.created', { title: created })}</p> : null}</div>
      {planning && user.unitId ? (
        <PlanForm
          key={`${params.get('type')}-${params.get('team')}`}
          unitId={user.unitId}
          teams={overview.data?.teams ?? []}
          initialType={params.get('type')}
          initialTeam={params.get('team')}
          onDone={(title) => { setCreated(title); setPlanning(false); }}
          onCancel={() => setPlanning(false)}
        />
      ) : (
        <p><button type="button" className="primary" onClick={() => { setCreated(null); setPlanning(true); }}>{t('improvements.new')}</button></p>
      )}
      <section className="panel" aria-labelledby="improvements-heading">
        <h2 id="improvements-heading">{t('improvements.listHeading')}</h2>
        <QueryState query={list}>
          {(d) => {
            if (d.items.length === 0) return <p className="muted">{t('improvements.none')}</p>;
            // Due studies first, then by state and study date.
            const sorted = [...d.items].sort((a, b) => Number(b.studyDue) - Number(a.studyDue)
              || stepOrder.indexOf(a.state) - stepOrder.indexOf(b.state) || a.studyOn.localeCompare(b.studyOn));
            const due = sorted.filter((i) => i.studyDue).length;
            return (
              <>
                {due > 0 ? <p className="notice" data-testid="studies-due">{t('improvements.dueCount', { count: due })}</p> : null}
                <ul className="improvement-list">
                  {sorted.map((i) => <li key={i.id}><ImprovementCard i={i} unitId={user.unitId!} teamName={i.teamId ? teamName.get(i.teamId) ?? '' : null} /></li>)}
                </ul>
              </>
            );
          }}
        </QueryState>
      </section>
    </Page>
  );
}

function PlanForm({ unitId, teams, initialType, initialTeam, onDone, onCancel }: {
  unitId: string; teams: { id: string; name: string }[]; initialType: string | null; initialTeam: string | null;
  onDone: (title: string) => void; onCancel: () => void;
}) {
  const { t } = useFollowUpT();
  const today = useToday();
  const plan = usePlanImprovement(unitId);
  const ids = useId();
  // Chosen once per form, so a retried request plans the improvement once.
  const [requestId] = useState(() => globalThis.crypto?.randomUUID?.());
  const typeKnown = (deviationTypes as readonly string[]).includes(initialType ?? '');
  const [v, setV] = useState({
    title: '', cause: '', change: '', prediction: '', measure: '',
    deviationType: typeKnown ? initialType! : '', teamId: initialTeam ?? '', studyOn: addDays(today, 28),
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    const body: ImprovementPlanInput = {
      ...(requestId ? { id: requestId } : {}),
      title: v.title.trim(), cause: v.cause.trim(), change: v.change.trim(), prediction: v.prediction.trim(), measure: v.measure.trim(),
      deviationType: v.deviationType || null, teamId: v.teamId || null, studyOn: v.studyOn,
    };
    plan.mutate(body, { onSuccess: () => onDone(body.title) });
  }
  const text = (k: 'title' | 'cause' | 'change' | 'prediction' | 'measure', rows: number) => (
    <div className="field">
      <label htmlFor={`${ids}-${k}`}>{t(`improvements.field.${k}`)}</label>
      <span className="small muted" id={`${ids}-${k}-hint`}>{t(`improvements.hint.${k}`)}</span>
      {rows > 1
        ? <textarea id={`${ids}-${k}`} aria-describedby={`${ids}-${k}-hint`} required rows={rows} value={v[k]} onChange={set(k)} />
        : <input id={`${ids}-${k}`} aria-describedby={`${ids}-${k}-hint`} type="text" required value={v[k]} onChange={set(k)} />}
    </div>
  );
  return (
    <section className="panel plan-form" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('improvements.planHeading')}</h2>
      <form onSubmit={submit}>
        <div className="field-row">
          <label htmlFor={`${ids}-type`}>{t('improvements.field.deviationType')}</label>
          <select id={`${ids}-type`} value={v.deviationType} onChange={set('deviationType')}>
            <option value="">{t('improvements.anyType')}</option>
            {deviationTypes.map((d) => <option key={d} value={d}>{t(`type.${d}`)}</option>)}
          </select>
          <label htmlFor={`${ids}-team`}>{t('field.team')}</label>
          <select id={`${ids}-team`} value={v.teamId} onChange={set('teamId')}>
            <option value="">{t('improvements.allTeams')}</option>
            {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </div>
        {text('title', 1)}
        <h3>{t('improvements.phase.plan')}</h3>
        {text('cause', 2)}
        {text('change', 3)}
        {text('prediction', 2)}
        {text('measure', 2)}
        <div className="field-row">
          <label htmlFor={`${ids}-studyOn`}>{t('improvements.field.studyOn')}</label>
          <input id={`${ids}-studyOn`} type="date" required min={today} value={v.studyOn} onChange={set('studyOn')} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={plan.isPending}>{t('improvements.savePlan')}</button>
          <button type="button" onClick={onCancel}>{t('improvements.cancel')}</button>
        </div>
        {plan.isError ? <p className="alert" role="alert">{problemText(plan.error, t('translation:error.unknown'))}</p> : null}
      </form>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

function ImprovementCard({ i, unitId, teamName }: { i: Improvement; unitId: string; teamName: string | null }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const today = useToday();
  const headingId = useId();
  const late = i.studyDue && i.studyOn < today;
  const cause = [i.deviationType ? t(`type.${i.deviationType}`, { defaultValue: i.deviationType }) : null, teamName].filter(Boolean).join(', ');
  return (
    <article className={`improvement${i.studyDue ? ' study-due' : ''}`} data-improvement-id={i.id} aria-labelledby={headingId}>
      <h3 id={headingId}>{i.title}</h3>
      <p className="improvement-badges">
        <span className="badge" data-testid="improvement-state">{t(`improvements.state.${i.state}`)}</span>{' '}
        {i.studyDue ? <span className="badge status-missed">{late ? t('improvements.studyLate', { date: f.shortDay(i.studyOn) }) : t('improvements.studyToday')}</span> : null}
      </p>
      <dl className="facts">
        {cause ? <Fact label={t('improvements.recurringCause')}>{cause}</Fact> : null}
        <Fact label={t('improvements.field.cause')}>{i.cause}</Fact>
        <Fact label={t('improvements.field.change')}>{i.change}</Fact>
        <Fact label={t('improvements.field.prediction')}>{i.prediction}</Fact>
        <Fact label={t('improvements.field.measure')}>{i.measure}</Fact>
        <Fact label={t('improvements.field.studyOn')}>{f.shortDay(i.studyOn)}</Fact>
        {i.doing ? <Fact label={t('improvements.phase.do')}>{t('improvements.startedOn', { date: f.shortDay(i.doing.startedOn) })}{i.doing.notes ? ` – ${i.doing.notes}` : ''}</Fact> : null}
        {i.study ? <Fact label={t('improvements.phase.study')}>{t('improvements.studiedOn', { date: f.shortDay(i.study.studiedOn) })} – {i.study.result}</Fact> : null}
        {i.act ? <Fact label={t('improvements.phase.act')}>{t(`improvements.decision.${i.act.decision}`)}{i.act.notes ? ` – ${i.act.notes}` : ''}</Fact> : null}
      </dl>
      {i.state !== 'acted' ? <NextStep i={i} unitId={unitId} /> : null}
    </article>
  );
}

function NextStep({ i, unitId }: { i: Improvement; unitId: string }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const today = useToday();
  const step = useImprovementStep(unitId, i.id);
  const ids = useId();
  const [startedOn, setStartedOn] = useState(today);
  const [notes, setNotes] = useState('');
  const [result, setResult] = useState('');
  const [decision, setDecision] = useState<(typeof decisions)[number]>('adopt');
  const next = i.state === 'planned' ? 'doing' : i.state === 'doing' ? 'studied' : 'acted';
  const on = (body: () => ImprovementStepInput) => (e: FormEvent) => {
    e.preventDefault();
    step.mutate(body());
  };
  return (
    <form className="improvement-step" aria-labelledby={`${ids}-h`}
      onSubmit={on(() => next === 'doing' ? { step: 'doing', startedOn, notes: notes.trim() }
        : next === 'studied' ? { step: 'studied', result: result.trim() } : { step: 'acted', decision, notes: notes.trim() })}>
      <h4 id={`${ids}-h`}>{t(`improvements.next.${next}`)}</h4>
      {next === 'doing' ? (
        <>
          <div className="field-row">
            <label htmlFor={`${ids}-started`}>{t('improvements.field.startedOn')}</label>
            <input id={`${ids}-started`} type="date" required value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
          </div>
          <div className="field"><label htmlFor={`${ids}-notes`}>{t('improvements.field.doNotes')}</label><textarea id={`${ids}-notes`} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} /></div>
        </>
      ) : null}
      {next === 'studied' ? (
        <>
          {today < i.studyOn ? <p className="small muted">{t('improvements.studyFrom', { date: f.shortDay(i.studyOn) })}</p> : null}
          <div className="field"><label htmlFor={`${ids}-result`}>{t('improvements.field.result')}</label><textarea id={`${ids}-result`} required rows={3} value={result} onChange={(e) => setResult(e.target.value)} /></div>
        </>
      ) : null}
      {next === 'acted' ? (
        <>
          <fieldset className="field-row">
            <legend>{t('improvements.field.decision')}</legend>
            {decisions.map((d) => (
              <label key={d} className="choice"><input type="radio" name={`${ids}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} /> {t(`improvements.decision.${d}`)}</label>
            ))}
          </fieldset>
          <div className="field"><label htmlFor={`${ids}-actnotes`}>{t('improvements.field.actNotes')}</label><textarea id={`${ids}-actnotes`} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} /></div>
        </>
      ) : null}
      <button type="submit" className="primary" disabled={step.isPending}>{t(`improvements.save.${next}`)}</button>
      {step.isError ? <p className="alert" role="alert">{problemText(step.error, t('translation:error.unknown'))}</p> : null}
    </form>
  );
}
