// The unit manager's deviations (issue 7): the list by state with overdue steps marked, one
// deviation with its history and the form of its next step (investigated -> actions decided ->
// client told, how, when and by whom -> closed; the server refuses closing before the client was
// told, and its explanation is shown), escalation to lex Sarah, and the learning table by type,
// team and week, from whose rows an improvement (PDSA, ImprovementsPage.tsx) is started, and the
// unit's follow-up settings (FollowUpSettingsForm.tsx).
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useToday } from '../api/queries.js';
import type { SessionUser } from '../api/types.js';
import { addDays } from '../calendar.js';
import { paths } from '../navigation.js';
import { useFormats } from '../ui/format.js';
import { Page } from '../ui/Page.js';
import { QueryState } from '../ui/QueryState.js';
import { ApiError } from '../api/http.js';
import {
  useDeviation, useDeviations, useDeviationStep, useLearning, useLexSarahReport, useLexSarahStep, useOverdue,
  type Deviation, type DeviationDetail, type DeviationStepInput, type LexSarahCase, type LexSarahStepInput,
} from './api.js';
import { FollowUpSettingsPanel } from './FollowUpSettingsForm.js';
import { useFollowUpT } from './i18n.js';
import { problemText } from './MissedVisits.js';
import './follow-up.css';

const states = ['open', 'reported', 'investigated', 'actions_decided', 'client_told', 'closed', ''] as const;
const howOptions = ['in_person', 'phone', 'video', 'letter', 'meeting'] as const;

export function DeviationsPage({ user }: { user: SessionUser }) {
  const { t } = useFollowUpT();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'open';
  const selected = params.get('id');
  const list = useDeviations(state);
  const overdue = useOverdue(user.unitId);
  const overdueIds = new Set((overdue.data?.deviations ?? []).map((d) => d.id));
  const stateId = useId();
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', id);
    else next.delete('id');
    setParams(next);
  };

  return (
    <Page title={t('deviations.title')} subtitle={t('deviations.intro')} className="follow-up-page">
      {overdue.data && (overdue.data.deviations.length > 0 || overdue.data.lexSarah.length > 0) ? (
        <section className="panel overdue-panel" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{t('deviations.overdueHeading', { count: overdue.data.deviations.length + overdue.data.lexSarah.length })}</h2>
          <ul className="plain-list">
            {overdue.data.deviations.map((d) => (
              <li key={d.id}>
                <button type="button" className="link-button" onClick={() => open(d.id)}>
                  {d.clientName} – {t(`type.${d.type}`, { defaultValue: d.type })}
                </button>{' '}
                <span className="badge status-missed">{t('deviations.overdueStep', { step: t(`step.${d.overdue?.step ?? ''}`, { defaultValue: d.overdue?.step }), hours: Math.round(d.overdue?.overdueHours ?? 0) })}</span>
              </li>
            ))}
            {overdue.data.lexSarah.map((l) => (
              <li key={l.id}>
                <button type="button" className="link-button" onClick={() => open(l.deviationId)}>{t('lexSarah.overdue', { step: l.overdue.step, due: l.overdue.dueOn })}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {selected ? <DeviationView key={selected} id={selected} onClose={() => open(null)} /> : null}
      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('deviations.listHeading')}</h2>
        <div className="field-row">
          <label htmlFor={stateId}>{t('deviations.stateFilter')}</label>
          <select id={stateId} value={state} onChange={(e) => { const next = new URLSearchParams(params); next.set('state', e.target.value); setParams(next); }}>
            {states.map((s) => <option key={s} value={s}>{t(`stateFilter.${s || 'all'}`)}</option>)}
          </select>
        </div>
        <QueryState query={list}>
          {(d) => d.items.length === 0 ? <p className="muted">{t('deviations.none')}</p> : (
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="list-heading">
              <table className="data deviations-table">
                <thead>
                  <tr>
                    <th scope="col">{t('field.reportedAt')}</th>
                    <th scope="col">{t('field.client')}</th>
                    <th scope="col">{t('field.team')}</th>
                    <th scope="col">{t('field.type')}</th>
                    <th scope="col">{t('field.severity')}</th>
                    <th scope="col">{t('field.state')}</th>
                    <th scope="col"><span className="visually-hidden">{t('deviations.open')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r) => (
                    <Row key={r.id} d={r} overdue={overdueIds.has(r.id) || !!r.overdue} selected={r.id === selected} onOpen={() => open(r.id)} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>

      <LearningTable unitId={user.unitId} />
      {user.unitId ? <FollowUpSettingsPanel unitId={user.unitId} /> : null}
    </Page>
  );
}

function Row({ d, overdue, selected, onOpen }: { d: Deviation; overdue: boolean; selected: boolean; onOpen: () => void }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  return (
    <tr className={selected ? 'selected' : undefined} data-deviation-id={d.id}>
      <td className="nowrap">{f.dateTime(d.reportedAt)}</td>
      <th scope="row">{d.clientName}</th>
      <td>{d.teamName}</td>
      <td>{t(`type.${d.type}`, { defaultValue: d.type })}</td>
      <td>{t(`severity.${d.severity}`, { defaultValue: d.severity })}</td>
      <td>
        {t(`state.${d.state}`, { defaultValue: d.state })}
        {overdue ? <> <span className="badge status-missed">{t('deviations.overdue')}</span></> : null}
      </td>
      <td>
        <button type="button" onClick={onOpen} aria-label={t('deviations.openFor', { client: d.clientName, type: t(`type.${d.type}`, { defaultValue: d.type }) })}>
          {t('deviations.open')}
        </button>
      </td>
    </tr>
  );
}

function DeviationView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useFollowUpT();
  const detail = useDeviation(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened from a row further down: move there, so keyboard and screen reader users follow.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <section className="panel deviation-detail" aria-labelledby="detail-heading">
      <div className="detail-top">
        <h2 id="detail-heading" ref={headingRef} tabIndex={-1}>{detail.data ? t('detail.heading', { client: detail.data.clientName, type: t(`type.${detail.data.type}`, { defaultValue: detail.data.type }) }) : t('detail.loading')}</h2>
        <button type="button" onClick={onClose}>{t('detail.close')}</button>
      </div>
      <QueryState query={detail}>{(d) => <DeviationBody d={d} />}</QueryState>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <><dt>{label}</dt><dd>{children}</dd></>;
}

function DeviationBody({ d }: { d: DeviationDetail }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  return (
    <>
      <dl className="facts">
        <Fact label={t('field.state')}>
          <span className="state-now" data-testid="deviation-state">{t(`state.${d.state}`, { defaultValue: d.state })}</span>
          {d.overdue ? <> <span className="badge status-missed">{t('deviations.overdueStep', { step: t(`step.${d.overdue.step}`, { defaultValue: d.overdue.step }), hours: Math.round(d.overdue.overdueHours) })}</span></> : null}
        </Fact>
        <Fact label={t('field.team')}>{d.teamName}</Fact>
        <Fact label={t('field.severity')}>{t(`severity.${d.severity}`, { defaultValue: d.severity })}</Fact>
        <Fact label={t('field.source')}>{t(`source.${d.source}`, { defaultValue: d.source })}</Fact>
        <Fact label={t('field.occurredAt')}>{f.dateTime(d.occurredAt)}</Fact>
        <Fact label={t('field.reported')}>{t('detail.by', { at: f.dateTime(d.reportedAt), by: d.reportedByName })}</Fact>
        <Fact label={t('field.description')}>{d.description}</Fact>
        {d.immediateActions ? <Fact label={t('field.immediateActions')}>{d.immediateActions}</Fact> : null}
        {d.investigation ? <Fact label={t('field.investigation')}>{t('detail.findings', { findings: d.investigation.findings, cause: d.investigation.cause })}</Fact> : null}
        {d.actions ? <Fact label={t('field.actions')}>{d.actions.actions}</Fact> : null}
        {d.clientTold ? (
          <Fact label={t('field.clientTold')}>
            {t('detail.told', { how: t(`how.${d.clientTold.how}`, { defaultValue: d.clientTold.how }), at: f.dateTime(d.clientTold.toldAt), by: d.clientTold.toldBy })} {d.clientTold.summary}
          </Fact>
        ) : null}
        {d.closed ? <Fact label={t('field.closed')}>{t('detail.by', { at: f.dateTime(d.closed.at), by: d.closed.by })}{d.closed.comment ? ` – ${d.closed.comment}` : ''}</Fact> : null}
      </dl>

      <h3>{t('detail.history')}</h3>
      <ol className="history">
        {d.events.map((e, i) => (
          <li key={i}><span className="nowrap">{f.dateTime(e.at)}</span> – {t(`event.${e.step}`, { defaultValue: e.step })} ({e.byName})</li>
        ))}
      </ol>

      {d.state !== 'closed' ? <StepForms d={d} /> : null}
      <LexSarah d={d} />
    </>
  );
}

/** A datetime-local value for an instant, in this device's time zone (the municipality's). */
function localInput(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

function StepForms({ d }: { d: DeviationDetail }) {
  const { t } = useFollowUpT();
  const step = useDeviationStep(d.id);
  const ids = useId();
  const [findings, setFindings] = useState('');
  const [cause, setCause] = useState('');
  const [actions, setActions] = useState('');
  const [how, setHow] = useState<string>('phone');
  const [toldAt, setToldAt] = useState(() => localInput(new Date()));
  const [toldBy, setToldBy] = useState('');
  const [summary, setSummary] = useState('');
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string | null>(null);

  function send(body: DeviationStepInput) {
    setDone(null);
    step.mutate(body, { onSuccess: (r) => setDone(t('steps.saved', { state: t(`state.${r.state}`, { defaultValue: r.state }) })) });
  }
  const on = (fn: () => DeviationStepInput) => (e: FormEvent) => {
    e.preventDefault();
    send(fn());
  };
  const closeEarly = step.error instanceof ApiError && step.error.code === 'client-not-told';

  return (
    <div className="step-forms">
      <h3>{t('steps.heading')}</h3>
      <div aria-live="polite">
        {done ? <p className="ok-note" role="status">{done}</p> : null}
        {step.isError ? (
          <div className="alert" role="alert">
            <p>{closeEarly ? t('steps.notToldYet') : t('steps.failed')}</p>
            <p className="server-says">{problemText(step.error, '')}</p>
          </div>
        ) : null}
      </div>
      {d.state === 'reported' ? (
        <form onSubmit={on(() => ({ step: 'investigated', findings: findings.trim(), cause: cause.trim() }))} aria-labelledby={`${ids}-inv`}>
          <h4 id={`${ids}-inv`}>{t('steps.investigated')}</h4>
          <div className="field"><label htmlFor={`${ids}-findings`}>{t('steps.findings')}</label><textarea id={`${ids}-findings`} required rows={2} value={findings} onChange={(e) => setFindings(e.target.value)} /></div>
          <div className="field"><label htmlFor={`${ids}-cause`}>{t('steps.cause')}</label><textarea id={`${ids}-cause`} required rows={2} value={cause} onChange={(e) => setCause(e.target.value)} /></div>
          <button type="submit" className="primary" disabled={step.isPending}>{t('steps.saveInvestigated')}</button>
        </form>
      ) : null}
      {d.state === 'investigated' ? (
        <form onSubmit={on(() => ({ step: 'actions_decided', actions: actions.trim() }))} aria-labelledby={`${ids}-act`}>
          <h4 id={`${ids}-act`}>{t('steps.actionsDecided')}</h4>
          <div className="field"><label htmlFor={`${ids}-actions`}>{t('steps.actions')}</label><textarea id={`${ids}-actions`} required rows={3} value={actions} onChange={(e) => setActions(e.target.value)} /></div>
          <button type="submit" className="primary" disabled={step.isPending}>{t('steps.saveActions')}</button>
        </form>
      ) : null}
      {d.state === 'actions_decided' ? (
        <form onSubmit={on(() => ({ step: 'client_told', how, toldAt: new Date(toldAt).toISOString(), ...(toldBy.trim() ? { toldBy: toldBy.trim() } : {}), summary: summary.trim() }))} aria-labelledby={`${ids}-told`}>
          <h4 id={`${ids}-told`}>{t('steps.clientTold')}</h4>
          <div className="field-row">
            <label htmlFor={`${ids}-how`}>{t('steps.how')}</label>
            <select id={`${ids}-how`} value={how} onChange={(e) => setHow(e.target.value)}>
              {howOptions.map((h) => <option key={h} value={h}>{t(`how.${h}`)}</option>)}
            </select>
            <label htmlFor={`${ids}-when`}>{t('steps.when')}</label>
            <input id={`${ids}-when`} type="datetime-local" required value={toldAt} onChange={(e) => setToldAt(e.target.value)} />
          </div>
          <div className="field"><label htmlFor={`${ids}-by`}>{t('steps.toldBy')}</label><input id={`${ids}-by`} type="text" value={toldBy} placeholder={t('steps.toldByHint')} onChange={(e) => setToldBy(e.target.value)} /></div>
          <div className="field"><label htmlFor={`${ids}-summary`}>{t('steps.summary')}</label><textarea id={`${ids}-summary`} required rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} /></div>
          <button type="submit" className="primary" disabled={step.isPending}>{t('steps.saveTold')}</button>
        </form>
      ) : null}
      <form onSubmit={on(() => ({ step: 'closed', comment: comment.trim() }))} aria-labelledby={`${ids}-close`} className="close-form">
        <h4 id={`${ids}-close`}>{t('steps.closed')}</h4>
        {d.state !== 'client_told' ? <p className="small muted">{t('steps.closeHint')}</p> : null}
        <div className="field"><label htmlFor={`${ids}-comment`}>{t('steps.comment')}</label><textarea id={`${ids}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} /></div>
        <button type="submit" disabled={step.isPending}>{t('steps.saveClosed')}</button>
      </form>
    </div>
  );
}

function LexSarah({ d }: { d: DeviationDetail }) {
  const { t } = useFollowUpT();
  const f = useFormats();
  const report = useLexSarahReport(d.id);
  const ids = useId();
  const [v, setV] = useState({ whatHappened: d.description, consequences: '', immediateActions: d.immediateActions, reporterName: '', reporterRole: '' });
  if (d.lexSarah) {
    return (
      <div className="lex-sarah">
        <h3>{t('lexSarah.heading')}</h3>
        <p>{t('lexSarah.state', { state: t(`lexSarah.states.${d.lexSarah.state}`, { defaultValue: d.lexSarah.state }), at: f.dateTime(d.lexSarah.reportedAt) })}</p>
        {d.lexSarah.overdue ? <p className="notice">{t('lexSarah.overdue', { step: d.lexSarah.overdue.step, due: d.lexSarah.overdue.dueOn })}</p> : null}
        <dl className="facts">
          <dt>{t('lexSarah.whatHappened')}</dt><dd>{d.lexSarah.report.whatHappened}</dd>
          <dt>{t('lexSarah.consequences')}</dt><dd>{d.lexSarah.report.consequences}</dd>
          <dt>{t('lexSarah.reporterName')}</dt><dd>{d.lexSarah.report.reporterName} ({d.lexSarah.report.reporterRole})</dd>
          {d.lexSarah.investigation ? <><dt>{t('lexSarah.investigation')}</dt><dd>{String(d.lexSarah.investigation.causes ?? '')}</dd></> : null}
          {d.lexSarah.decision ? (
            <><dt>{t('lexSarah.decision')}</dt><dd>{t(d.lexSarah.decision.notifyIvo ? 'lexSarah.decisionNotify' : 'lexSarah.decisionNoNotify', { on: String(d.lexSarah.decision.decidedOn ?? '') })} {String(d.lexSarah.decision.reasoning ?? '')}</dd></>
          ) : null}
          {d.lexSarah.ivoNotification ? <><dt>{t('lexSarah.ivoNotified')}</dt><dd>{String(d.lexSarah.ivoNotification.notifiedOn ?? '')} {String(d.lexSarah.ivoNotification.reference ?? '')}</dd></> : null}
        </dl>
        {d.lexSarah.state !== 'closed' ? <LexSarahNext deviationId={d.id} c={d.lexSarah} /> : null}
      </div>
    );
  }
  const field = (k: keyof typeof v, rows = 2) => (
    <div className="field">
      <label htmlFor={`${ids}-${k}`}>{t(`lexSarah.${k}`)}</label>
      {rows > 1
        ? <textarea id={`${ids}-${k}`} required rows={rows} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
        : <input id={`${ids}-${k}`} type="text" required value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />}
    </div>
  );
  return (
    <details className="lex-sarah">
      <summary>{t('lexSarah.escalate')}</summary>
      <p className="small muted">{t('lexSarah.intro')}</p>
      <form onSubmit={(e) => { e.preventDefault(); report.mutate({ ...v, occurredAt: d.occurredAt }); }}>
        {field('whatHappened', 3)}
        {field('consequences')}
        {field('immediateActions')}
        {field('reporterName', 1)}
        {field('reporterRole', 1)}
        <button type="submit" className="primary" disabled={report.isPending}>{t('lexSarah.send')}</button>
        {report.isError ? <p className="alert" role="alert">{problemText(report.error, t('translation:error.unknown'))}</p> : null}
      </form>
    </details>
  );
}

function LexSarahNext({ deviationId, c }: { deviationId: string; c: LexSarahCase }) {
  const { t } = useFollowUpT();
  const today = useToday();
  const step = useLexSarahStep(deviationId);
  const ids = useId();
  const [v, setV] = useState({ causes: '', consequences: '', clientView: '', actionsTaken: '', reasoning: '', decidedOn: today, notifiedOn: today, reference: '', comment: '' });
  const [serious, setSerious] = useState(false);
  const [notifyIvo, setNotifyIvo] = useState(false);
  const next: LexSarahStepInput['step'] = c.state === 'reported' ? 'investigated' : c.state === 'investigated' ? 'decided'
    : c.state === 'decided' && c.decision?.notifyIvo ? 'ivo_notified' : 'closed';
  const text = (k: keyof typeof v, rows = 2, required = true) => (
    <div className="field">
      <label htmlFor={`${ids}-${k}`}>{t(`lexSarah.${k}`)}</label>
      {rows > 1
        ? <textarea id={`${ids}-${k}`} required={required} rows={rows} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
        : <input id={`${ids}-${k}`} type={k === 'decidedOn' || k === 'notifiedOn' ? 'date' : 'text'} required={required} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />}
    </div>
  );
  function body(): LexSarahStepInput {
    switch (next) {
      case 'investigated': return { step: next, causes: v.causes.trim(), consequences: v.consequences.trim(), clientView: v.clientView.trim(), actionsTaken: v.actionsTaken.trim() };
      case 'decided': return { step: next, serious, notifyIvo, reasoning: v.reasoning.trim(), decidedOn: v.decidedOn };
      case 'ivo_notified': return { step: next, notifiedOn: v.notifiedOn, reference: v.reference.trim() };
      default: return { step: 'closed', comment: v.comment.trim() };
    }
  }
  return (
    <form onSubmit={(e) => { e.preventDefault(); step.mutate(body()); }} aria-labelledby={`${ids}-h`}>
      <h4 id={`${ids}-h`}>{t(`lexSarah.next.${next}`)}</h4>
      {next === 'investigated' ? <>{text('causes')}{text('consequences')}{text('clientView')}{text('actionsTaken')}</> : null}
      {next === 'decided' ? (
        <>
          <div className="field-row">
            <input id={`${ids}-serious`} type="checkbox" checked={serious} onChange={(e) => setSerious(e.target.checked)} />
            <label htmlFor={`${ids}-serious`}>{t('lexSarah.serious')}</label>
            <input id={`${ids}-notify`} type="checkbox" checked={notifyIvo} onChange={(e) => setNotifyIvo(e.target.checked)} />
            <label htmlFor={`${ids}-notify`}>{t('lexSarah.notifyIvo')}</label>
          </div>
          {text('reasoning', 3)}{text('decidedOn', 1)}
        </>
      ) : null}
      {next === 'ivo_notified' ? <>{text('notifiedOn', 1)}{text('reference', 1, false)}</> : null}
      {next === 'closed' ? text('comment', 2, false) : null}
      <button type="submit" className="primary" disabled={step.isPending}>{t('lexSarah.save')}</button>
      {step.isError ? <p className="alert" role="alert">{problemText(step.error, t('translation:error.unknown'))}</p> : null}
    </form>
  );
}

function LearningTable({ unitId }: { unitId: string | null }) {
  const { t } = useFollowUpT();
  const today = useToday();
  const from = addDays(today, -55);
  const learning = useLearning(unitId, from, today);
  const f = useFormats();
  return (
    <section className="panel" aria-labelledby="learning-heading">
      <h2 id="learning-heading">{t('learning.heading')}</h2>
      <p className="small muted">{t('learning.period', { from: f.shortDay(from), to: f.shortDay(today) })}</p>
      <p><Link to={paths.improvements}>{t('improvements.link')}</Link></p>
      <QueryState query={learning}>
        {(l) => (
          <>
            <div className="two-col">
              <div>
                <h3>{t('learning.byType')}</h3>
                <ul className="plain-list">
                  {Object.entries(l.byType).sort((a, b) => b[1] - a[1]).map(([type, n]) => <li key={type}>{t(`type.${type}`, { defaultValue: type })}: {f.number(n)}</li>)}
                </ul>
              </div>
              <div>
                <h3>{t('learning.byTeam')}</h3>
                <ul className="plain-list">
                  {l.byTeam.map((x) => <li key={x.teamId}>{x.teamName}: {f.number(x.count)}</li>)}
                </ul>
              </div>
            </div>
            {l.rows.length === 0 ? <p className="muted">{t('learning.none')}</p> : (
              <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="learning-heading">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('learning.week')}</th>
                      <th scope="col">{t('field.team')}</th>
                      <th scope="col">{t('field.type')}</th>
                      <th scope="col" className="num">{t('learning.count')}</th>
                      <th scope="col"><span className="visually-hidden">{t('improvements.start')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.rows.map((r) => (
                      <tr key={`${r.week}-${r.teamId}-${r.type}`} data-learning-row={`${r.week}|${r.teamId}|${r.type}`}>
                        <td>{r.week}</td>
                        <td>{r.teamName}</td>
                        <td>{t(`type.${r.type}`, { defaultValue: r.type })}</td>
                        <td className="num">{f.number(r.count)}</td>
                        <td>
                          <Link
                            to={`${paths.improvements}?${new URLSearchParams({ new: '1', type: r.type, team: r.teamId })}`}
                            aria-label={t('improvements.startFor', { type: t(`type.${r.type}`, { defaultValue: r.type }), team: r.teamName, week: r.week })}
                          >{t('improvements.start')}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
