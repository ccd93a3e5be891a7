// The frame around a client's or relative's screens: skip link, header with their name, the
// language choice and sign-out, all in the reader's language and direction (right to left for
// Arabic and Persian). Staff screens keep ui/Layout.tsx in Swedish or English.
import { useEffect, useId, type ReactNode } from 'react';
import { useLogout } from '../api/queries.js';
import { rememberPageLanguage } from '../i18n/index.js';
import type { SessionUser } from '../api/types.js';
import { clientLanguages, clientT, isClientLanguage, languageOf } from './i18n/index.js';
import { useReaderLanguage } from './reader-language.js';

export function ClientLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [lang, chooseLanguage] = useReaderLanguage(user);
  const t = clientT(lang);
  const dir = languageOf(lang).dir;
  const logout = useLogout();
  const languageId = useId();
  // The sign-in page opens in the language read here when this reader signs out (or the session
  // ends). Only the language is kept on the device, never who read in it.
  useEffect(() => rememberPageLanguage(lang), [lang]);
  const signOut = () => {
    rememberPageLanguage(lang);
    logout.mutate();
  };
  // A client's whole Tillit is one simple page: no menu. The main area takes its language and
  // direction from the page inside it, since a page not yet translated stays Swedish.
  return (
    <div className={`app role-${user.role}`}>
      <a className="skip-link" href="#main" lang={lang} dir={dir}>{t('shell.skipToContent')}</a>
      <header className="app-header cw-header" lang={lang} dir={dir}>
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="app-name" lang="sv">Tillit</span>
        </div>
        <div className="who">
          <span className="who-name"><bdi>{user.displayName}</bdi></span>
          <span className="who-role">{t(`shell.role_${user.role === 'relative' ? 'relative' : 'client'}`)}</span>
        </div>
        <div className="header-actions">
          <label htmlFor={languageId} className="visually-hidden">{t('shell.chooseLanguage')}</label>
          <select id={languageId} className="cw-header-language" value={lang} onChange={(e) => { if (isClientLanguage(e.target.value)) chooseLanguage(e.target.value); }}>
            {clientLanguages.map((l) => <option key={l} value={l} lang={l} dir={languageOf(l).dir}>{languageOf(l).name}</option>)}
          </select>
          <button type="button" className="sign-out" onClick={signOut} disabled={logout.isPending}>
            {logout.isPending ? t('shell.signingOut') : t('shell.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}

/** "Loading" in the reader's language, while a client's or relative's screen is fetched. */
export function ClientLoading({ user }: { user: SessionUser }) {
  const [lang] = useReaderLanguage(user);
  return <p className="loading" role="status" lang={lang} dir={languageOf(lang).dir}>{clientT(lang)('loading')}</p>;
}
