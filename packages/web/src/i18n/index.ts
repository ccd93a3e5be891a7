// Languages of the user interface. Each language is one JSON file in this folder whose "language"
// block names it and its writing direction; adding a language means adding that file, nothing else.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

interface LanguageFile {
  language: { name: string; dir: 'ltr' | 'rtl' };
  [key: string]: unknown;
}

const files = import.meta.glob<LanguageFile>('./*.json', { eager: true, import: 'default' });

export interface Language {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

const resources: Record<string, { translation: LanguageFile }> = {};
const available: Language[] = [];
for (const [path, file] of Object.entries(files)) {
  const code = path.replace(/^.*\/(\w+)\.json$/, '$1');
  resources[code] = { translation: file };
  available.push({ code, name: file.language.name, dir: file.language.dir });
}

/** Swedish first: the municipality's language is the default and the fallback. */
export const defaultLanguage = 'sv';
export const languages: readonly Language[] = [
  ...available.filter((l) => l.code === defaultLanguage),
  ...available.filter((l) => l.code !== defaultLanguage).sort((a, b) => a.code.localeCompare(b.code)),
];

// The device's page language: one of these two, or a language of the sign-in page (Finnish,
// Arabic…) that a client or relative was reading when they signed out. Only a language code is
// kept, never who chose it.
const storageKey = 'tillit.language';

export function isLanguage(code: string | null | undefined): code is string {
  return !!code && languages.some((l) => l.code === code);
}

/** @returns the language code stored on this device, whichever screens it belongs to, or null. */
export function storedPageLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Remember the page language on this device (the sign-in page may store any of its languages). */
export function rememberPageLanguage(code: string): void {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** The language chosen on this device before signing in, if it is one of these screens'. */
export function storedLanguage(): string | null {
  const v = storedPageLanguage();
  return isLanguage(v) ? v : null;
}

function applyToDocument(code: string): void {
  const lang = languages.find((l) => l.code === code);
  document.documentElement.lang = code;
  document.documentElement.dir = lang?.dir ?? 'ltr';
}

/** Give the document back the interface language, after a page that set its own. */
export function resetDocumentLanguage(): void {
  applyToDocument(i18next.language);
}

/** Switch the interface language and remember it on this device. */
export async function changeLanguage(code: string): Promise<void> {
  if (!isLanguage(code)) return;
  rememberPageLanguage(code);
  await i18next.changeLanguage(code);
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', applyToDocument);
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage() ?? defaultLanguage,
    fallbackLng: defaultLanguage,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18next.language);
  return i18next;
}
