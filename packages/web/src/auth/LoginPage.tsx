// Sign in with username and password. The form posts through fetch, so nothing typed here ever
// appears in a URL; a failure is explained from the server's problem document.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.js';
import { useLogin } from '../api/queries.js';
import { storedLanguage } from '../i18n/index.js';
import { useFormats } from '../ui/format.js';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { Page } from '../ui/Page.js';

/** @returns the translation key for a failed sign-in. */
export function loginErrorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'bad-credentials' || error.status === 401) return 'auth.error.badCredentials';
    if (error.status === 429) return 'auth.error.tooManyAttempts';
    if (error.status === 400) return 'auth.error.missing';
    if (error.status === 0) return 'error.network';
  }
  return 'error.unknown';
}

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const errorId = useId();
  const f = useFormats();

  const loginErrorText = (error: unknown) => {
    const retryAfter = error instanceof ApiError ? error.problem.retryAfter : undefined;
    const key = loginErrorKey(error);
    if (key === 'auth.error.tooManyAttempts' && retryAfter) return t('auth.error.lockedUntil', { time: f.time(retryAfter) });
    return t(key);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate({ username: username.trim(), password, locale: storedLanguage() }, { onError: () => setPassword('') });
  };

  const errorText = missing ? t('auth.error.missing') : login.isError ? loginErrorText(login.error) : null;

  return (
    <div className="login-screen">
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="login-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="app-name">Tillit</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="login-main">
        <Page title={t('auth.title')} subtitle={t('auth.intro')}>
          <form className="login-form" method="post" action="/login" onSubmit={submit} noValidate aria-describedby={errorText ? errorId : undefined}>
            {errorText ? (
              <div className="alert" role="alert" id={errorId}>
                <p>{errorText}</p>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="username">{t('auth.username')}</label>
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
              <label htmlFor="password">{t('auth.password')}</label>
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
              {login.isPending ? t('auth.signingIn') : t('auth.signIn')}
            </button>
          </form>
        </Page>
      </main>
    </div>
  );
}
