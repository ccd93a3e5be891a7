// The follow-up strings: English has every Swedish key, and each client language has every key of
// what the client reads (their invoices), so no client sees a Swedish word in the middle of theirs.
import { describe, expect, it } from 'vitest';
import sv from './i18n.sv.json';
import en from './i18n.en.json';
import fi from './i18n.client.fi.json';
import so from './i18n.client.so.json';
import ar from './i18n.client.ar.json';
import fa from './i18n.client.fa.json';

/** @returns the dotted keys of a bundle, plural suffixes folded into one key. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]));
}
const unique = (xs: string[]) => [...new Set(xs)].sort();

describe('follow-up strings', () => {
  it('English has every Swedish key and no other', () => {
    expect(unique(keys(en))).toEqual(unique(keys(sv)));
  });

  it.each([['fi', fi], ['so', so], ['ar', ar], ['fa', fa]] as const)('%s has every key of the client\'s invoices', (_lang, bundle) => {
    const clientFacing = { nav: { myInvoices: sv.nav.myInvoices }, invoiceState: sv.invoiceState, myInvoices: sv.myInvoices, limitedBy: sv.limitedBy };
    expect(unique(keys(bundle))).toEqual(unique(keys(clientFacing)));
  });
});
