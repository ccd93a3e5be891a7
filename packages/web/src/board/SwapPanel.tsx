// Swap requests from staff: offered or asked for on the phone, confirmed or declined here.
import { useState } from 'react';
import { fullName } from '../ui/format.js';
import { useBoardT } from './i18n.js';
import type { Names } from './violations.js';
import type { DayStaff } from './timeline.js';
import type { SwapRequest } from './types.js';

export function SwapPanel({ swaps, working, names, busy, onDecide }: {
  swaps: SwapRequest[];
  working: DayStaff[];
  names: Names;
  busy: boolean;
  onDecide(swap: SwapRequest, decision: 'confirm' | 'decline', toStaffId?: string): void;
}) {
  const { t } = useBoardT();
  const open = swaps.filter((s) => s.status === 'open');
  const decided = swaps.filter((s) => s.status !== 'open');
  return (
    <section className="panel swaps" aria-labelledby="swaps-heading">
      <h2 id="swaps-heading">{t('swaps.heading', { count: open.length })}</h2>
      {open.length === 0 ? <p className="muted">{t('swaps.none')}</p> : (
        <ul className="plain-list">
          {open.map((s) => <SwapRow key={s.id} swap={s} working={working} names={names} busy={busy} onDecide={onDecide} />)}
        </ul>
      )}
      {decided.length > 0 ? (
        <p className="small muted">{t('swaps.decided', { count: decided.length })}</p>
      ) : null}
    </section>
  );
}

function SwapRow({ swap: s, working, names, busy, onDecide }: { swap: SwapRequest; working: DayStaff[]; names: Names; busy: boolean; onDecide: Parameters<typeof SwapPanel>[0]['onDecide'] }) {
  const { t } = useBoardT();
  const [to, setTo] = useState(s.toStaffId ?? '');
  const selectId = `swap-to-${s.id}`;
  return (
    <li className="swap-row">
      <p>
        {s.toStaffId
          ? t('swaps.offerTo', { from: names.staff(s.fromStaffId), to: names.staff(s.toStaffId), visit: names.visit(s.visitId) })
          : t('swaps.offerAny', { from: names.staff(s.fromStaffId), visit: names.visit(s.visitId) })}
        {s.note ? <span className="muted"> – ”{s.note}”</span> : null}
      </p>
      <div className="actions">
        {!s.toStaffId ? (
          <span className="field inline">
            <label htmlFor={selectId}>{t('swaps.who')}</label>
            <select id={selectId} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">{t('absence.choose')}</option>
              {working.filter((w) => w.id !== s.fromStaffId).map((w) => <option key={w.id} value={w.id}>{fullName(w)}</option>)}
            </select>
          </span>
        ) : null}
        <button type="button" className="primary" disabled={busy || !to} onClick={() => onDecide(s, 'confirm', to || undefined)}>{t('swaps.confirm')}</button>
        <button type="button" disabled={busy} onClick={() => onDecide(s, 'decline')}>{t('swaps.decline')}</button>
      </div>
    </li>
  );
}
