// The unit manager's follow-up settings for their unit: when an unmarked visit becomes possibly
// missed and when a start counts as late, the deadlines of each deviation step per severity (hours
// from the report), the lex Sarah deadlines, and the needs assessor's outlier share. The server
// validates and names a wrong field; its answer is shown as it is.
import { useId, useState, type FormEvent } from 'react';
import { QueryState } from '../ui/QueryState.js';
import { useFollowUpSettings, useSaveFollowUpSettings, type FollowUpSettings } from './api.js';
import { useFollowUpT } from './i18n.js';
import { problemText } from './MissedVisits.js';

const severities = ['low', 'moderate', 'serious'] as const;
const steps = ['investigated', 'actions_decided', 'client_told', 'closed'] as const;

/** @returns only the figures the server takes (the answer also says whose they are and when). */
const figures = (s: FollowUpSettings): FollowUpSettings => ({
  missedVisits: s.missedVisits, deviationDeadlines: s.deviationDeadlines, lexSarahDeadlines: s.lexSarahDeadlines, followUpDeviationShare: s.followUpDeviationShare,
});

export function FollowUpSettingsPanel({ unitId }: { unitId: string }) {
  const { t } = useFollowUpT();
  const settings = useFollowUpSettings(unitId);
  return (
    <details className="panel settings-panel">
      <summary><h2 id="settings-heading">{t('settings.heading')}</h2></summary>
      <p className="small muted">{t('settings.intro')}</p>
      <QueryState query={settings}>
        {(s) => <SettingsForm unitId={unitId} initial={s} defaults={s.defaults} own={s.own} />}
      </QueryState>
    </details>
  );
}

function SettingsForm({ unitId, initial, defaults, own }: { unitId: string; initial: FollowUpSettings; defaults: FollowUpSettings; own: boolean }) {
  const { t } = useFollowUpT();
  const save = useSaveFollowUpSettings(unitId);
  const [v, setV] = useState<FollowUpSettings>(() => figures(initial));
  const [saved, setSaved] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    save.mutate(v, { onSuccess: () => setSaved(true) });
  }
  return (
    <form onSubmit={submit} aria-labelledby="settings-heading">
      <p className="small">{own ? t('settings.own') : t('settings.usingDefaults')}</p>
      <fieldset>
        <legend>{t('settings.visits')}</legend>
        <div className="field-row">
          <NumberInput label={t('settings.possiblyMissedAfterMin')} min={0} max={1440} value={v.missedVisits.possiblyMissedAfterMin}
            onChange={(n) => setV({ ...v, missedVisits: { ...v.missedVisits, possiblyMissedAfterMin: n } })} />
          <NumberInput label={t('settings.lateAfterMin')} min={0} max={1440} value={v.missedVisits.lateAfterMin}
            onChange={(n) => setV({ ...v, missedVisits: { ...v.missedVisits, lateAfterMin: n } })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.deadlines')}</legend>
        <div className="table-wrap">
          <table className="data settings-deadlines">
            <thead>
              <tr>
                <th scope="col">{t('field.severity')}</th>
                {steps.map((step) => <th scope="col" key={step}>{t(`settings.step.${step}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {severities.map((sev) => (
                <tr key={sev}>
                  <th scope="row">{t(`severity.${sev}`)}</th>
                  {steps.map((step) => (
                    <td key={step}>
                      <NumberInput label={t('settings.hoursFor', { severity: t(`severity.${sev}`), step: t(`settings.step.${step}`) })} labelHidden min={1} max={8760}
                        value={v.deviationDeadlines[sev][step]}
                        onChange={(n) => setV({ ...v, deviationDeadlines: { ...v.deviationDeadlines, [sev]: { ...v.deviationDeadlines[sev], [step]: n } } })} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.lexSarah')}</legend>
        <div className="field-row">
          <NumberInput label={t('settings.investigateWithinDays')} min={1} max={365} value={v.lexSarahDeadlines.investigateWithinDays}
            onChange={(n) => setV({ ...v, lexSarahDeadlines: { ...v.lexSarahDeadlines, investigateWithinDays: n } })} />
          <NumberInput label={t('settings.notifyIvoWithinDays')} min={0} max={60} value={v.lexSarahDeadlines.notifyIvoWithinDays}
            onChange={(n) => setV({ ...v, lexSarahDeadlines: { ...v.lexSarahDeadlines, notifyIvoWithinDays: n } })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.assessor')}</legend>
        <div className="field-row">
          <NumberInput label={t('settings.sharePercent')} min={5} max={100} value={Math.round(v.followUpDeviationShare * 100)}
            onChange={(n) => setV({ ...v, followUpDeviationShare: n / 100 })} />
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>{t('settings.save')}</button>
        <button type="button" onClick={() => { setSaved(false); setV(figures(defaults)); }}>{t('settings.defaults')}</button>
      </div>
      <div aria-live="polite">
        {saved ? <p className="ok-note" role="status">{t('settings.saved')}</p> : null}
        {save.isError ? <p className="alert" role="alert">{problemText(save.error, t('translation:error.unknown'))}</p> : null}
      </div>
    </form>
  );
}

/** A whole-number field; an emptied field is NaN, which the server refuses naming the field. */
function NumberInput({ label, labelHidden, min, max, value, onChange }: {
  label: string; labelHidden?: boolean; min: number; max: number; value: number; onChange: (n: number) => void;
}) {
  const id = useId();
  return (
    <>
      {labelHidden ? null : <label htmlFor={id}>{label}</label>}
      <input id={id} type="number" min={min} max={max} step={1} required aria-label={labelHidden ? label : undefined}
        value={Number.isNaN(value) ? '' : value} onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))} />
    </>
  );
}
