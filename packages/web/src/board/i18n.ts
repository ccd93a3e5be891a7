// The board's and the phone day's strings, in their own namespaces so the shell's language files
// stay theirs. Registered on first use (i18next is initialised in main.tsx after the imports).
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import sv from './i18n.sv.json';
import en from './i18n.en.json';

let registered = false;

export function registerBoardStrings(): void {
  if (registered || !i18next.isInitialized) return;
  i18next.addResourceBundle('sv', 'board', sv, true, false);
  i18next.addResourceBundle('en', 'board', en, true, false);
  registered = true;
}

/** `t` of the board namespace; the shell's keys are reached as "translation:key". */
export function useBoardT() {
  registerBoardStrings();
  return useTranslation(['board', 'translation']);
}
