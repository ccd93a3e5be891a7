// The language choice: every available language by its own name, one click away.
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages } from '../i18n/index.js';

export function LanguageSwitch({ onChange }: { onChange?: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.choose')}>
      {languages.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          dir={l.dir}
          aria-pressed={i18n.language === l.code}
          onClick={() => {
            void changeLanguage(l.code).then(() => onChange?.(l.code));
          }}
        >
          {l.name}
        </button>
      ))}
    </div>
  );
}
