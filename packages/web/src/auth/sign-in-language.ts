// Which language the sign-in page opens in on this device. Only the language is remembered (a
// shared family computer keeps no trace of who read in it), and a remembered language is only the
// page's: the account that signs in next keeps its own (see LoginPage).
import i18next from 'i18next';
import { isClientLanguage, type ClientLanguage } from '../client-week/i18n/index.js';
import { storedPageLanguage } from '../i18n/index.js';

/**
 * @returns the language last used on this device's pages (chosen on this page, or the one a client
 * or relative was reading when they signed out), else the staff screens' language, else Swedish
 */
export function signInLanguage(): ClientLanguage {
  const stored = storedPageLanguage();
  if (isClientLanguage(stored)) return stored;
  return isClientLanguage(i18next.language) ? i18next.language : 'sv';
}
