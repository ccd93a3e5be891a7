// A list of the plan checker's violations, in words and with names.
import { useBoardT } from './i18n.js';
import { skillName } from './names.js';
import type { Violation } from './types.js';
import { violationWords, type Names } from './violations.js';

export function Violations({ list, names, max = 50 }: { list: readonly Violation[]; names: Names; max?: number }) {
  const { t } = useBoardT();
  return (
    <ul className="violations">
      {list.slice(0, max).map((v, i) => {
        const w = violationWords(v, names, (k) => skillName(t, k));
        return <li key={i} data-code={v.code}>{t(w.key, w.values)}</li>;
      })}
      {list.length > max ? <li>{t('violation.more', { count: list.length - max })}</li> : null}
    </ul>
  );
}
