// A list of the plan checker's violations, in words and with names.
import { useBoardT } from './i18n.js';
import { violationWords, type Names } from './violations.js';

export function Violations({ list, names, max = 50 }: { list: readonly string[]; names: Names; max?: number }) {
  const { t } = useBoardT();
  return (
    <ul className="violations">
      {list.slice(0, max).map((v, i) => {
        const w = violationWords(v, names);
        return <li key={i}>{t(w.key, w.values)}</li>;
      })}
      {list.length > max ? <li>{t('violation.more', { count: list.length - max })}</li> : null}
    </ul>
  );
}
