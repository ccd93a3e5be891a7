// The sign-in page's texts. They live in the client view's six language files (the "signIn"
// block, and the frame's skip link and language choice), since a client or relative who signs out
// meets this page next and must be able to read it; the list below is every text the page shows.
import { ApiError } from '../api/http.js';

export const signInKeys = [
  'signIn.title',
  'signIn.intro',
  'signIn.username',
  'signIn.password',
  'signIn.submit',
  'signIn.submitting',
  'signIn.error.badCredentials',
  'signIn.error.tooManyAttempts',
  'signIn.error.lockedUntil',
  'signIn.error.missing',
  'signIn.error.network',
  'signIn.error.unknown',
  'shell.skipToContent',
  'shell.chooseLanguage',
] as const;
export type SignInKey = (typeof signInKeys)[number];

/** @returns the text key for a failed sign-in. */
export function loginErrorKey(error: unknown): SignInKey {
  if (error instanceof ApiError) {
    if (error.code === 'bad-credentials' || error.status === 401) return 'signIn.error.badCredentials';
    if (error.status === 429) return 'signIn.error.tooManyAttempts';
    if (error.status === 400) return 'signIn.error.missing';
    if (error.status === 0) return 'signIn.error.network';
  }
  return 'signIn.error.unknown';
}
