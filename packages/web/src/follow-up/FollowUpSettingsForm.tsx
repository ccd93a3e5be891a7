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
  const ids = useId();
  const [v, setV] = useState<FollowUpSettings>(() => figures(initial));
  const [saved, setSaved] = useState(false);
  const num = (e: { target: { value: string } }) => (e.target.value === '' ? Number.NaN : Number(e.target.value));
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
          <label htmlFor={`${ids}-pm`}>{t('settings.possiblyMissedAfterMin')}</label>
          <input id={`${ids}-pm`} type="number" min={0} max={1440} required value={Number.isNaN(v.missedVisits.possiblyMissedAfterMin) ? '' : v.missedVisits.possiblyMissedAfterMin}
            onChange={(e) => setV({ ...v, missedVisits: { ...v.missedVisits, possiblyMissedAfterMin: num(e) } })} />
          <label htmlFor={`${ids}-late`}>{t('settings.lateAfterMin')}</label>
          <input id={`${ids}-late`} type="number" min={0} max={1440} required value={Number.isNaN(v.missedVisits.lateAfterMin) ? '' : v.missedVisits.lateAfterMin}
            onChange={(e) => setV({ ...v, missedVisits: { ...v.missedVisits, lateAfterMin: num(e) } })} />
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
                      <input type="number" min={1} max={8760} required aria-label={t('settings.hoursFor', { severity: t(`severity.${sev}`), step: t(`settings.step.${step}`) })}
                        value={Number.isNaN(v.deviationDeadlines[sev][step]) ? '' : v.deviationDeadlines[sev][step]}
                        onChange={(e) => setV({ ...v, deviationDeadlines: { ...v.deviationDeadlines, [sev]: { ...v.deviationDeadlines[sev], [step]: num(e) } } })} />
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
          <label htmlFor={`${ids}-inv`}>{t('settings.investigateWithinDays')}</label>
          <input id={`${ids}-inv`} type="number" min={1} max={365} required value={Number.isNaN(v.lexSarahDeadlines.investigateWithinDays) ? '' : v.lexSarahDeadlines.investigateWithinDays}
            onChange={(e) => setV({ ...v, lexSarahDeadlines: { ...v.lexSarahDeadlines, investigateWithinDays: num(e) } })} />
          <label htmlFor={`${ids}-ivo`}>{t('settings.notifyIvoWithinDays')}</label>
          <input id={`${ids}-ivo`} type="number" min={0} max={60} required value={Number.isNaN(v.lexSarahDeadlines.notifyIvoWithinDays) ? '' : v.lexSarahDeadlines.notifyIvoWithinDays}
            onChange={(e) => setV({ ...v, lexSarahDeadlines: { ...v.lexSarahDeadlines, notifyIvoWithinDays: num(e) } })} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.assessor')}</legend>
        <div className="field-row">
          <label htmlFor={`${ids}-share`}>{t('settings.sharePercent')}</label>
          <input id={`${ids}-share`} type="number" min={5} max={100} step={1} required value={Number.isNaN(v.followUpDeviationShare) ? '' : Math.round(v.followUpDeviationShare * 100)}
            onChange={(e) => setV({ ...v, followUpDeviationShare: num(e) / 100 })} />
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
