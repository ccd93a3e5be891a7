// Every language of the client view says everything the Swedish one does, with the same
// placeholders, and Arabic and Persian are written right to left.
import { describe, expect, it } from 'vitest';
import { bundles, clientLanguages } from './index.js';

/** @returns "path = placeholders" for every string, e.g. "change.person = after,before". */
function shape(o: unknown, path = ''): string[] {
  if (typeof o === 'string') return [`${path} = ${[...o.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',')}`];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => (path === '' && k === 'language' ? [] : shape(v, path ? `${path}.${k}` : k)));
  return [];
}

describe('the client view languages', () => {
  const swedish = shape(bundles.sv).sort();
  for (const lang of clientLanguages) {
    it(`${lang} has every text of the Swedish file, with the same placeholders`, () => {
      expect(shape(bundles[lang]).sort()).toEqual(swedish);
      for (const line of shape(bundles[lang])) expect(line.split(' = ')[0]).not.toBe('');
    });
  }

  it('writes Arabic and Persian right to left and the others left to right', () => {
    expect(clientLanguages.filter((l) => bundles[l].language.dir === 'rtl')).toEqual(['ar', 'fa']);
  });
});
