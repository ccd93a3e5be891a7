// "Föreslå plan": a planning job on the server. The page stays usable while it runs; the bar
// shows the search's elapsed share of its time limit and the best cost so far; when done, the
// suggestion's figures stand beside the current ones, to use or to leave. "Vad planeringen väger"
// opens the team's planning weights on the board.
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { boardApi, usePlanningJob } from './api.js';
import { MetricDeltas } from './Figures.js';
import { useBoardT } from './i18n.js';
import type { DayPlanAnswer } from './types.js';

interface Props {
  teamId: string;
  date: string;
  plan: DayPlanAnswer;
  /** Use the suggestion; `done` closes it once it is in use. */
  onApply(jobId: string, done: () => void): void;
  applying: boolean;
  onError(error: unknown): void;
  /** Whether the team's planning weights are shown, and the element that shows them. */
  weightsOpen: boolean;
  weightsId: string;
  onToggleWeights(): void;
}

export function PlanningPanel({ teamId, date, plan, onApply, applying, onError, weightsOpen, weightsId, onToggleWeights }: Props) {
  const { t, i18n } = useBoardT();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // performance.now, not Date: the time the coordinator waited, whatever the wall clock says.
  const startedAt = useRef<number | null>(null);
  const [tookMs, setTookMs] = useState<number | null>(null);
  const job = usePlanningJob(jobId);
  const qc = useQueryClient();
  const j = job.data;
  const finished = j && (j.status === 'done' || j.status === 'cancelled' || j.status === 'failed');
  useEffect(() => {
    if (finished && startedAt.current !== null && tookMs === null) setTookMs(performance.now() - startedAt.current);
  }, [finished]);

  async function start() {
    setStarting(true);
    startedAt.current = performance.now();
    try {
      const r = await boardApi.startPlanning(teamId, date);
      setTookMs(null);
      setJobId(r.jobId);
    } catch (e) {
      onError(e);
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (!jobId) return;
    try {
      await boardApi.cancelPlanning(jobId);
      await qc.invalidateQueries({ queryKey: ['planning-job', jobId] });
    } catch (e) {
      onError(e);
    }
  }

  const running = j && (j.status === 'queued' || j.status === 'running');
  const p = j?.progress;
  const sec = (ms: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000);
  const stale = j && j.baseVersion !== plan.version;
  return (
    <section className="panel planning" aria-labelledby="planning-heading">
      <h2 id="planning-heading">{t('planning.heading')}</h2>
      <p className="muted">{t('planning.intro')}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void start()} disabled={starting || !!running}>{t('planning.suggest')}</button>
        {running ? <button type="button" onClick={() => void cancel()}>{t('planning.cancel')}</button> : null}
        <button type="button" aria-expanded={weightsOpen} aria-controls={weightsOpen ? weightsId : undefined} onClick={onToggleWeights}>{t('planning.weights')}</button>
      </div>
      {j && running ? (
        <div className="progress-box">
          <label htmlFor="planning-progress">{j.status === 'queued' ? t('planning.queued') : t('planning.running')}</label>
          <progress id="planning-progress" max={p?.timeLimitMs ?? 1} value={p?.elapsedMs ?? 0}>
            {p ? Math.round((100 * p.elapsedMs) / p.timeLimitMs) : 0} %
          </progress>
          <p className="small" aria-live="polite">
            {p ? t('planning.progress', { elapsed: sec(p.elapsedMs), limit: sec(p.timeLimitMs), iteration: p.iteration, cost: p.bestCost === null ? '–' : Math.round(p.bestCost) }) : null}
          </p>
        </div>
      ) : null}
      {j && finished ? (
        <div className="suggestion" aria-live="polite">
          {j.status === 'failed' ? <p className="alert">{t('planning.failed')}</p> : null}
          {j.status === 'cancelled' ? <p className="notice">{j.check ? t('planning.cancelledWithPlan') : t('planning.cancelled')}</p> : null}
          {j.check ? (
            <>
              <h3>{t('planning.result')}</h3>
              {tookMs !== null ? <p className="small" data-testid="planning-took">{t('planning.took', { sec: sec(tookMs) })}</p> : null}
              {!j.check.valid ? <p className="notice">{t('planning.notValid', { count: j.check.violations.length })}</p> : null}
              <MetricDeltas before={plan.check.metrics} after={j.check.metrics} beforeLabel={t('planning.current')} afterLabel={t('planning.suggested')} />
              {stale ? <p className="notice">{t('planning.stale')}</p> : null}
              <div className="actions">
                <button type="button" className="primary" disabled={applying} onClick={() => onApply(j.id, () => setJobId(null))}>{t('planning.apply')}</button>
                <button type="button" onClick={() => setJobId(null)}>{t('planning.discard')}</button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
