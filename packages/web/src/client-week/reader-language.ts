// The language a client or relative reads Tillit in, shared by their page and the header around
// it, so the whole screen (skip link, header, sign-out, page) speaks one language.
import { useSyncExternalStore } from 'react';
import { useClient, useSaveLocale } from '../api/queries.js';
import type { SessionUser } from '../api/types.js';
import { isClientLanguage, type ClientLanguage } from './i18n/index.js';

// The choice belongs to the signed-in account: on a shared family computer the next person to
// sign in starts from their own language, not the last reader's.
let chosen: { userId: string; lang: ClientLanguage } | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The reader's language: one chosen on this device while signed in, else a language the account
 * was set to other than the default Swedish, else (for the client) their first language Tillit writes.
 * @param user - the signed-in client or relative
 * @returns the language and a function that chooses another (and saves it on the account)
 */
export function useReaderLanguage(user: SessionUser): [ClientLanguage, (l: ClientLanguage) => void] {
  const saveLocale = useSaveLocale();
  const current = useSyncExternalStore(subscribe, () => chosen);
  const profile = useClient(user.role === 'client' ? user.clientId ?? undefined : undefined);
  const fromProfile = profile.data?.languages.find(isClientLanguage);
  const own = current?.userId === user.username ? current.lang : null;
  const lang = own ?? (user.locale !== 'sv' && isClientLanguage(user.locale) ? user.locale : fromProfile ?? 'sv');
  const choose = (l: ClientLanguage) => {
    chosen = { userId: user.username, lang: l };
    for (const listener of listeners) listener();
    saveLocale.mutate(l);
  };
  return [lang, choose];
}
