// The client view's own languages (sv, en, fi, ar, so, fa) in the i18next namespace "clientWeek",
// added beside the app's: the staff screens stay Swedish/English while a client reads theirs.
// The sign-in page speaks them too (block "signIn"), since clients and relatives meet it.
import i18next, { type TFunction } from 'i18next';
import { useEffect } from 'react';
import { resetDocumentLanguage } from '../../i18n/index.js';
import sv from './sv.json';
import en from './en.json';
import fi from './fi.json';
import ar from './ar.json';
import so from './so.json';
import fa from './fa.json';

export const namespace = 'clientWeek';
export const clientLanguages = ['sv', 'en', 'fi', 'ar', 'so', 'fa'] as const;
export type ClientLanguage = (typeof clientLanguages)[number];

export interface LanguageBlock { name: string; dir: 'ltr' | 'rtl'; locale: string }

export const bundles: Record<ClientLanguage, { language: LanguageBlock } & Record<string, unknown>> = {
  sv: sv as never, en: en as never, fi: fi as never, ar: ar as never, so: so as never, fa: fa as never,
};

export function isClientLanguage(code: string | null | undefined): code is ClientLanguage {
  return !!code && (clientLanguages as readonly string[]).includes(code);
}

let added = false;
/** Add the bundles once; i18next is initialised by the app before any screen renders. */
export function addClientWeekBundles(): void {
  if (added) return;
  for (const code of clientLanguages) i18next.addResourceBundle(code, namespace, bundles[code], true, true);
  added = true;
}

/** @returns a translate function fixed to the language, falling back to Swedish. */
export function clientT(lang: ClientLanguage): TFunction {
  addClientWeekBundles();
  return i18next.getFixedT(lang, namespace);
}

export const languageOf = (lang: ClientLanguage): LanguageBlock => bundles[lang].language;

/**
 * Put a client-facing page's language and direction on the document while it is shown (the
 * sign-in page, the client's own view), and give the document back the interface language after.
 */
export function useDocumentLanguage(lang: ClientLanguage): void {
  useEffect(() => {
    const apply = () => {
      document.documentElement.lang = lang;
      document.documentElement.dir = languageOf(lang).dir;
    };
    apply();
    // The staff screens' language change sets the document's language too; the page's wins here.
    i18next.on('languageChanged', apply);
    return () => {
      i18next.off('languageChanged', apply);
      resetDocumentLanguage();
    };
  }, [lang]);
}
