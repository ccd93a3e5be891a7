// The follow-up screens' strings (issue 7) in their own namespace, so the shell's language files
// stay theirs. Registered as soon as i18next is initialised (the navigation names the deviations
// and invoices pages with "care-follow-up:nav.…" keys), and again on first use to be safe. Staff
// screens are Swedish or English; the client's invoices also come in the other languages of the
// client's page (i18n.client.*.json: Finnish, Somali, Arabic and Persian, to be checked by native
// speakers), right to left in Arabic and Persian.
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import sv from './i18n.sv.json';
import en from './i18n.en.json';
import fi from './i18n.client.fi.json';
import so from './i18n.client.so.json';
import ar from './i18n.client.ar.json';
import fa from './i18n.client.fa.json';

export const ns = 'care-follow-up';
let registered = false;

export function registerFollowUpStrings(): void {
  if (registered || !i18next.isInitialized) return;
  i18next.addResourceBundle('sv', ns, sv, true, false);
  i18next.addResourceBundle('en', ns, en, true, false);
  for (const [code, bundle] of [['fi', fi], ['so', so], ['ar', ar], ['fa', fa]] as const) i18next.addResourceBundle(code, ns, bundle, true, false);
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

/** `t` of the follow-up namespace fixed to a client's reading language (missing keys in Swedish). */
export function clientInvoiceT(lang: string): TFunction {
  registerFollowUpStrings();
  return i18next.getFixedT(lang, ns);
}
