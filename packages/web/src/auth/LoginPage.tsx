// Sign in with username and password, in any of the six languages clients and relatives read
// (right to left for Arabic and Persian). The form posts through fetch, so nothing typed here ever
// appears in a URL; a failure is explained from the server's problem document.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http.js';
import { useLogin } from '../api/queries.js';
import { clientLanguages, clientT, isClientLanguage, languageOf, useDocumentLanguage, type ClientLanguage } from '../client-week/i18n/index.js';
import { changeLanguage, isLanguage, rememberPageLanguage } from '../i18n/index.js';
import { LanguageButtons } from '../ui/LanguageSwitch.js';
import { Page } from '../ui/Page.js';
import { signInLanguage } from './sign-in-language.js';
import { loginErrorKey, type SignInKey } from './sign-in-texts.js';
import './login.css';

const choices = clientLanguages.map((code) => ({ code, ...languageOf(code) }));

// Before signing in the municipality's time zone is not known yet; Tillit's default, as in ui/format.ts.
const timeZone = 'Europe/Stockholm';


export function LoginPage() {
  const [lang, setLang] = useState<ClientLanguage>(signInLanguage);
  // Only a language chosen here becomes the account's: one merely remembered from the last reader
  // of a shared computer must not change the next person's.
  const [chosenHere, setChosenHere] = useState(false);
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errorId = useId();
  const tr = clientT(lang);
  const t = (key: SignInKey, values: Record<string, string> = {}) => tr(key, values);
  const { dir, locale } = languageOf(lang);
  useDocumentLanguage(lang);

  const choose = (code: string) => {
    if (!isClientLanguage(code)) return;
    setLang(code);
    setChosenHere(true);
    rememberPageLanguage(code);
    // Swedish and English are also the staff screens' languages: they follow the page.
    if (isLanguage(code)) void changeLanguage(code);
  };

  const loginErrorText = (error: unknown) => {
    const retryAfter = error instanceof ApiError ? error.problem.retryAfter : undefined;
    const key = loginErrorKey(error);
    if (key === 'signIn.error.tooManyAttempts' && typeof retryAfter === 'string') {
      const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, numberingSystem: 'latn' }).format(new Date(retryAfter));
      return t('signIn.error.lockedUntil', { time });
    }
    return t(key);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // The server keeps staff accounts in Swedish or English and refuses another language for them,
    // so staff who signed in from, say, an Arabic page get their own screens' language.
    login.mutate({ username: username.trim(), password, locale: chosenHere ? lang : null }, { onError: () => setPassword('') });
  };

  const errorText = missing ? t('signIn.error.missing') : login.isError ? loginErrorText(login.error) : null;

  return (
    <div className="login-screen" lang={lang} dir={dir}>
      <a className="skip-link" href="#main">{t('shell.skipToContent')}</a>
      <header className="login-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="app-name" lang="sv">Tillit</span>
        </div>
        <LanguageButtons choices={choices} current={lang} label={t('shell.chooseLanguage')} onChoose={choose} />
      </header>
      <main id="main" tabIndex={-1} className="login-main">
        <Page title={t('signIn.title')} subtitle={t('signIn.intro')}>
          <form className="login-form" method="post" action="/login" onSubmit={submit} noValidate aria-describedby={errorText ? errorId : undefined}>
            {errorText ? (
              <div className="alert" role="alert" id={errorId}>
                <p>{errorText}</p>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="username">{t('signIn.username')}</label>
              <input
                id="username"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                aria-invalid={missing && !username.trim() ? true : undefined}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="password">{t('signIn.password')}</label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                aria-invalid={missing && !password ? true : undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            <button type="submit" className="primary" disabled={login.isPending}>
              {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
        </Page>
      </main>
    </div>
  );
}
