// "Vad planeringen väger": the team's planning weights, each said as what it is worth in minutes
// of travel, and the day's continuity target in percent, with the default beside each. The
// coordinator and the unit manager change them (every weight at once) or go back to the defaults;
// the team's staff read them. The server says who may change them and checks the figures; a
// refused figure is explained beside its field.
import { useId, useState, type FormEvent } from 'react';
import { useFormats } from '../ui/format.js';
import { QueryState } from '../ui/QueryState.js';
import { usePlanningWeights, useChangePlanningWeights } from './api.js';
import { useBoardT } from './i18n.js';
import {
  advancedWeights, apiFigures, everydayWeights, formErrors, formFigures, isPercent, weightErrors, type FieldError, type FormFigures, type WeightKey,
} from './planning-weights.js';
import type { PlanningWeightsAnswer } from './types.js';

interface Props {
  teamId: string;
  /** The board shows its own heading; a page of its own has the page's. */
  heading?: boolean;
  id?: string;
}

/**
 * The team's planning weights: a form for those who may change them, a list for the team's staff.
 * @param teamId - the team whose suggestions they weigh
 */
export function PlanningWeightsPanel({ teamId, heading = true, id }: Props) {
  const { t } = useBoardT();
  const weights = usePlanningWeights(teamId);
  const headingId = useId();
  return (
    <section className="panel weights-panel" id={id} aria-labelledby={heading ? headingId : undefined} aria-label={heading ? undefined : t('weights.heading')}>
      {heading ? <h2 id={headingId}>{t('weights.heading')}</h2> : null}
      <p className="muted">{t('weights.intro')}</p>
      <QueryState query={weights}>
        {(w) => (w.canChange ? <WeightsForm teamId={teamId} answer={w} /> : <WeightsList answer={w} />)}
      </QueryState>
    </section>
  );
}

/** Whose weights these are: the team's own (when, by whom) or the defaults. */
function Whose({ answer }: { answer: PlanningWeightsAnswer }) {
  const { t } = useBoardT();
  const f = useFormats();
  return (
    <p className="weights-whose">
      {answer.own && answer.updatedAt ? t('weights.own', { at: f.dateTime(answer.updatedAt), name: answer.updatedByName ?? '–' }) : t('weights.usingDefaults')}
    </p>
  );
}

/** A figure and its unit ("90 %", "13 min"), never split over two lines. */
function useWithUnit() {
  const { t } = useBoardT();
  const f = useFormats();
  return (value: number, key: WeightKey) => `${f.number(value)}\u00a0${t(`weights.weight.${key}.unit`)}`;
}

/** What a weight means at this value (in the form's units), in words. */
function useMeaning() {
  const { t, i18n } = useBoardT();
  const f = useFormats();
  const oneDecimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  // A continuity target of 0 is no target at all, not a target of nothing.
  return (key: WeightKey, value: number) => t(`weights.weight.${key}.${key === 'continuityTarget' && value === 0 ? 'off' : 'means'}`, {
    value: Number.isFinite(value) ? f.number(value) : '…',
    // The even-load weight is per minute of work; an hour of it is easier to picture.
    perHour: Number.isFinite(value) ? oneDecimal.format(value * 60) : '…',
  });
}

function WeightsList({ answer }: { answer: PlanningWeightsAnswer }) {
  const { t } = useBoardT();
  const withUnit = useWithUnit();
  const meaning = useMeaning();
  const figures = formFigures(answer);
  const defaults = formFigures(answer.defaults);
  const item = (key: WeightKey) => (
    <li key={key} className="weight-row" data-weight={key}>
      <p className="weight-label">{t(`weights.weight.${key}.label`)}: <strong>{withUnit(figures[key], key)}</strong></p>
      <p className="weight-means">{meaning(key, figures[key])}</p>
      <p className="small muted">{t('weights.default', { value: withUnit(defaults[key], key) })}</p>
    </li>
  );
  return (
    <>
      <Whose answer={answer} />
      <p className="small">{t('weights.readOnly')}</p>
      <ul className="weights">{everydayWeights.map(item)}</ul>
      <details className="weights-advanced">
        <summary>{t('weights.advanced')}</summary>
        <p className="small muted">{t('weights.advancedIntro')}</p>
        <ul className="weights">{advancedWeights.map(item)}</ul>
      </details>
    </>
  );
}

function WeightsForm({ teamId, answer }: { teamId: string; answer: PlanningWeightsAnswer }) {
  const { t } = useBoardT();
  const change = useChangePlanningWeights(teamId);
  const [v, setV] = useState<FormFigures>(() => formFigures(answer));
  const [sent, setSent] = useState<FormFigures>(v);
  /** What the form refused itself, before sending (a percent that is not whole). */
  const [refused, setRefused] = useState<Partial<Record<WeightKey, FieldError>>>({});
  const [done, setDone] = useState<'saved' | 'reset' | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const defaults = formFigures(answer.defaults);
  const maxima = formFigures(answer.maxima);
  const errors = Object.keys(refused).length > 0 ? { fields: refused, other: [] }
    : change.isError ? weightErrors(change.error, sent, maxima) : { fields: {}, other: [] };
  const anyField = Object.keys(errors.fields).length > 0;

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const local = formErrors(v, maxima);
    setRefused(local);
    if (Object.keys(local).length > 0) {
      change.reset();
      return;
    }
    setSent(v);
    change.mutate(apiFigures(v), {
      onSuccess: () => setDone('saved'),
      onError: (err) => {
        // A refused advanced weight must be seen: open the section it is in.
        if (advancedWeights.some((k) => k in weightErrors(err, v, maxima).fields)) setAdvancedOpen(true);
      },
    });
  }
  function reset() {
    setDone(null);
    setRefused({});
    change.mutate('defaults', {
      onSuccess: (a) => {
        setV(formFigures(a));
        setDone('reset');
      },
    });
  }

  const field = (key: WeightKey) => (
    <WeightField key={key} name={key} value={v[key]} defaultValue={defaults[key]} max={maxima[key]} error={errors.fields[key]}
      onChange={(n) => setV({ ...v, [key]: n })} />
  );
  return (
    <form className="weights-form" onSubmit={submit} noValidate>
      <Whose answer={answer} />
      <ul className="weights">{everydayWeights.map(field)}</ul>
      <details className="weights-advanced" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
        <summary>{t('weights.advanced')}</summary>
        <p className="small muted">{t('weights.advancedIntro')}</p>
        <ul className="weights">{advancedWeights.map(field)}</ul>
      </details>
      <div className="actions">
        <button type="submit" className="primary" disabled={change.isPending}>{t('weights.save')}</button>
        <button type="button" onClick={reset} disabled={change.isPending}>{t('weights.reset')}</button>
      </div>
      <div aria-live="polite">
        {done ? <p className="ok-note" role="status">{done === 'saved' ? t('weights.saved') : t('weights.resetDone')}</p> : null}
        {change.isError || anyField ? (
          <div className="alert" role="alert">
            <p>{anyField ? t('weights.notSaved') : t('weights.failed')}</p>
            {errors.other.map((d) => <p key={d} className="small">{d}</p>)}
          </div>
        ) : null}
      </div>
    </form>
  );
}

/**
 * One weight: its number, what it means at that number, its default, and what was wrong with it,
 * all in the form's units (the continuity target a whole percent).
 */
function WeightField({ name, value, defaultValue, max, error, onChange }: {
  name: WeightKey; value: number; defaultValue: number; max: number; error: FieldError | undefined; onChange: (n: number) => void;
}) {
  const { t } = useBoardT();
  const f = useFormats();
  const withUnit = useWithUnit();
  const meaning = useMeaning();
  const id = `weight-${name}`;
  return (
    <li className="weight-row" data-weight={name}>
      <label htmlFor={id} className="weight-label">{t(`weights.weight.${name}.label`)}</label>
      <div className="weight-input">
        <input id={id} type="number" inputMode={isPercent(name) ? 'numeric' : 'decimal'} min={0} max={max} step={isPercent(name) ? 1 : 'any'}
          value={Number.isNaN(value) ? '' : value}
          aria-invalid={error ? true : undefined} aria-describedby={`${id}-means ${id}-default${error ? ` ${id}-error` : ''}`}
          onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))} />
        <span className="weight-unit">{t(`weights.weight.${name}.unit`)}</span>
      </div>
      {error ? <p id={`${id}-error`} className="field-error">{t(`weights.error.${error.key}`, formatted(error.params, f.number))}</p> : null}
      <p id={`${id}-means`} className="weight-means">{meaning(name, value)}</p>
      <p id={`${id}-default`} className="small muted">{t('weights.default', { value: withUnit(defaultValue, name) })}</p>
    </li>
  );
}

const formatted = (params: FieldError['params'], number: (n: number) => string) =>
  Object.fromEntries(Object.entries(params).map(([k, x]) => [k, typeof x === 'number' ? number(x) : x]));
