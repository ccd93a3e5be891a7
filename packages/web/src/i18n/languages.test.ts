// Every language file names itself and its direction, and has exactly the keys of Swedish, so a
// new language is one file and a missing text is caught here, not by a user.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(`${folder}/${f}`, 'utf8')) as Record<string, unknown>;

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

/** Plural forms differ by language (_one, _few, _many…); compare the keys without them. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('language files', () => {
  const swedish = new Set(keys(load('sv.json')).map(base));

  it('include Swedish and English', () => {
    expect(files).toEqual(expect.arrayContaining(['sv.json', 'en.json']));
  });

  for (const file of files) {
    it(`${file} names its language and writing direction and has every text Swedish has`, () => {
      const tree = load(file);
      const language = tree.language as { name?: unknown; dir?: unknown };
      expect(typeof language.name).toBe('string');
      expect(['ltr', 'rtl']).toContain(language.dir);
      const own = new Set(keys(tree).map(base));
      expect([...swedish].filter((k) => !own.has(k)), `missing in ${file}`).toEqual([]);
      expect([...own].filter((k) => !swedish.has(k)), `unknown in ${file}`).toEqual([]);
    });
  }
});
