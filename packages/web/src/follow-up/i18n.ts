// The follow-up screens' strings (issue 7) in their own namespace, so the shell's language files
// stay theirs. Registered as soon as i18next is initialised (the navigation names the deviations
// and invoices pages with "care-follow-up:nav.…" keys), and again on first use to be safe.
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import sv from './i18n.sv.json';
import en from './i18n.en.json';

export const ns = 'care-follow-up';
let registered = false;

export function registerFollowUpStrings(): void {
  if (registered || !i18next.isInitialized) return;
  i18next.addResourceBundle('sv', ns, sv, true, false);
  i18next.addResourceBundle('en', ns, en, true, false);
  registered = true;
}

if (i18next.isInitialized) registerFollowUpStrings();
else i18next.on('initialized', registerFollowUpStrings);

/** `t` of the follow-up namespace; the shell's keys are reached as "translation:key". */
export function useFollowUpT() {
  registerFollowUpStrings();
  return useTranslation([ns, 'translation']);
}

/** Öre as kronor in the interface language, "1 234,50 kr". */
export function useMoney() {
  const { i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'SEK', minimumFractionDigits: 2 });
  return (ore: number) => nf.format(ore / 100);
}
