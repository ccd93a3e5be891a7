// The sign-in page speaks every language a client or relative reads: each of its texts exists in
// all six, with the Swedish placeholders, and a failed sign-in maps to a text that exists.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.js';
import { bundles, clientLanguages } from '../client-week/i18n/index.js';
import { loginErrorKey, signInKeys } from './sign-in-texts.js';

const textAt = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const failure = (status: number, code = 'x') =>
  new ApiError({ type: `https://tillit.example/problems/${code}`, title: 't', status, detail: 'd', instance: 'i' });

describe('the sign-in page texts', () => {
  for (const lang of clientLanguages) {
    it(`every sign-in text exists in ${lang}, with the Swedish placeholders`, () => {
      for (const key of signInKeys) {
        const text = textAt(bundles[lang], key);
        expect(typeof text, `${key} in ${lang}`).toBe('string');
        expect((text as string).trim(), `${key} in ${lang}`).not.toBe('');
        expect(placeholders(text as string), `${key} in ${lang}`).toEqual(placeholders(textAt(bundles.sv, key) as string));
      }
    });
  }

  it('no other language was left with a Swedish sign-in text', () => {
    for (const lang of clientLanguages.filter((l) => l !== 'sv')) {
      for (const key of signInKeys) expect(textAt(bundles[lang], key), `${key} in ${lang}`).not.toBe(textAt(bundles.sv, key));
    }
  });

  it('names every way a sign-in fails with a text of its own', () => {
    expect(loginErrorKey(failure(401, 'bad-credentials'))).toBe('signIn.error.badCredentials');
    expect(loginErrorKey(failure(429, 'too-many-attempts'))).toBe('signIn.error.tooManyAttempts');
    expect(loginErrorKey(failure(400, 'validation'))).toBe('signIn.error.missing');
    expect(loginErrorKey(failure(0, 'network'))).toBe('signIn.error.network');
    expect(loginErrorKey(failure(500, 'internal'))).toBe('signIn.error.unknown');
    expect(loginErrorKey(new Error('boom'))).toBe('signIn.error.unknown');
  });
});
