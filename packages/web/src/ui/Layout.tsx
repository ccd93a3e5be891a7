// The frame around every signed-in screen: skip link, header with the signed-in person, the
// language choice and sign-out, the role's navigation, and the main content.
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types.js';
import { useLogout, useSaveLocale } from '../api/queries.js';
import { navItems } from '../navigation.js';
import { ClientLayout } from '../client-week/ClientLayout.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function Layout({ user, children }: { user: SessionUser; children: ReactNode }) {
  // Clients and relatives read everything, header included, in their own language.
  if (user.role === 'client' || user.role === 'relative') return <ClientLayout user={user}>{children}</ClientLayout>;
  return <StaffLayout user={user}>{children}</StaffLayout>;
}

function StaffLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const saveLocale = useSaveLocale();
  const items = navItems(user);
  return (
    <div className={`app role-${user.role}`}>
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="app-name">Tillit</span>
        </div>
        <div className="who">
          <span className="who-name">{user.displayName}</span>
          <span className="who-role">{t(`role.${user.role}`)}</span>
        </div>
        <div className="header-actions">
          <LanguageSwitch onChange={(code) => saveLocale.mutate(code)} />
          <button type="button" className="sign-out" onClick={() => logout.mutate()} disabled={logout.isPending}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {items.map((i) => (
            <li key={i.to}>
              <NavLink to={i.to}>{t(i.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
