// The board's and the phone day's strings: English has every Swedish key and no other, so a text
// added in Swedish only (or a typo in a key) is caught here, not by a user reading a raw key.
import { describe, expect, it } from 'vitest';
import boardSv from './i18n.sv.json';
import boardEn from './i18n.en.json';
import phoneSv from '../phone/i18n.sv.json';
import phoneEn from '../phone/i18n.en.json';

/** @returns the dotted keys of a bundle, plural suffixes folded into one key. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]));
}
const unique = (xs: string[]) => [...new Set(xs)].sort();

describe('board and phone strings', () => {
  it.each([['board', boardSv, boardEn], ['phone', phoneSv, phoneEn]] as const)('%s: English has every Swedish key and no other', (_ns, sv, en) => {
    expect(unique(keys(en))).toEqual(unique(keys(sv)));
  });
});
