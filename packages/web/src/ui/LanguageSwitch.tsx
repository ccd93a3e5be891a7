// The language choice: every available language by its own name, one click away. The staff
// screens offer their own languages (Swedish, English); the sign-in page passes its six.
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages } from '../i18n/index.js';

export interface LanguageChoice {
  code: string;
  /** The language's name in itself, e.g. "Suomi". */
  name: string;
  dir: 'ltr' | 'rtl';
}

/**
 * One button per language, the chosen one pressed.
 * @param label - the group's name in the page's language, e.g. "Välj språk"
 */
export function LanguageButtons({ choices, current, label, onChoose }: {
  choices: readonly LanguageChoice[];
  current: string;
  label: string;
  onChoose: (code: string) => void;
}) {
  return (
    <div className="language-switch" role="group" aria-label={label}>
      {choices.map((l) => (
        <button key={l.code} type="button" lang={l.code} dir={l.dir} aria-pressed={current === l.code} onClick={() => onChoose(l.code)}>
          {l.name}
        </button>
      ))}
    </div>
  );
}

/** The staff screens' choice of Swedish or English, remembered on this device. */
export function LanguageSwitch({ onChange }: { onChange?: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <LanguageButtons
      choices={languages}
      current={i18n.language}
      label={t('language.choose')}
      onChoose={(code) => {
        void changeLanguage(code).then(() => onChange?.(code));
      }}
    />
  );
}
