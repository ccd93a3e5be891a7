// The phone day's strings in their own namespace (see board/i18n.ts for why they register late).
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import sv from './i18n.sv.json';
import en from './i18n.en.json';

let registered = false;

export function usePhoneT() {
  if (!registered && i18next.isInitialized) {
    i18next.addResourceBundle('sv', 'phone', sv, true, false);
    i18next.addResourceBundle('en', 'phone', en, true, false);
    registered = true;
  }
  return useTranslation(['phone', 'translation']);
}
