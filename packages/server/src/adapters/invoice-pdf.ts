// The invoice as a PDF in the client's language (Swedish or English; others get Swedish), one line
// per visit with date, time, who and minutes, and every credit with its reason. The font is
// embedded from the repository (DejaVu Sans, free licence in assets/fonts), so å, ä, ö and the
// client's name print on any machine.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { InvoiceLanguage } from '../services/invoicing.js';

const fontDir = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export interface PdfInvoice {
  number: string;
  month: string;
  language: InvoiceLanguage;
  state: 'draft' | 'sent';
  recipient: { name: string; street: string; postalCode: string; city: string };
  lines: { kind: 'visit' | 'credit'; date: string; start: string; staffNames: string[]; minutes: number; amountOre: number | null; reason: string | null; creditMonth: string | null }[];
  deliveredMin: number;
  missedMin: number;
  tariffPerHourOre: number;
  tariffAmountOre: number;
  capOre: number;
  capacityOre: number | null;
  feeOre: number;
  limitedBy: string;
  creditOre: number;
  totalOre: number;
}

const texts = {
  sv: {
    title: 'Faktura hemtjänst', draft: 'UTKAST', number: 'Fakturanummer', month: 'Månad', visits: 'Utförda besök',
    date: 'Datum', time: 'Tid', who: 'Vem', minutes: 'Minuter', delivered: 'Utförd tid', tariff: 'Taxa', perHour: 'kr/tim',
    tariffAmount: 'Enligt taxa', cap: 'Maxtaxa', capacity: 'Ditt avgiftsutrymme', fee: 'Avgift för månaden',
    limitedBy: { tariff: 'enligt taxa', cap: 'begränsad av maxtaxan', capacity: 'begränsad av ditt avgiftsutrymme' } as Record<string, string>,
    credits: 'Kreditering för besök som inte blev av', creditFor: 'Besök', total: 'Att betala', refund: 'Att återbetala till dig',
    missed: 'Missade besök denna månad (debiteras inte)', notBilled: 'Du betalar bara för besök som blev av. Ett missat besök debiteras aldrig.',
    hours: (min: number) => `${Math.floor(min / 60)} tim ${min % 60} min`,
  },
  en: {
    title: 'Home care invoice', draft: 'DRAFT', number: 'Invoice number', month: 'Month', visits: 'Visits carried out',
    date: 'Date', time: 'Time', who: 'Who', minutes: 'Minutes', delivered: 'Time delivered', tariff: 'Tariff', perHour: 'SEK/hour',
    tariffAmount: 'By the tariff', cap: 'Monthly cap (maxtaxa)', capacity: 'Your fee capacity', fee: 'Fee for the month',
    limitedBy: { tariff: 'by the tariff', cap: 'limited by the monthly cap', capacity: 'limited by your fee capacity' } as Record<string, string>,
    credits: 'Credit for visits that did not happen', creditFor: 'Visit', total: 'Amount to pay', refund: 'Amount refunded to you',
    missed: 'Missed visits this month (not billed)', notBilled: 'You pay only for visits that happened. A missed visit is never billed.',
    hours: (min: number) => `${Math.floor(min / 60)} h ${min % 60} min`,
  },
} as const;

/** @returns kronor with two decimals and the currency, in the language's style. */
export function formatKr(ore: number, language: InvoiceLanguage): string {
  const n = (ore / 100).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return language === 'sv' ? `${n} kr` : `SEK ${n}`;
}

/** @returns the PDF bytes. */
export function renderInvoicePdf(inv: PdfInvoice): Promise<Buffer> {
  const t = texts[inv.language];
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${t.title} ${inv.number}`, Author: 'Tillit' } });
  doc.registerFont('body', `${fontDir}DejaVuSans.ttf`);
  doc.registerFont('bold', `${fontDir}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const bottom = doc.page.height - 60;
  /** One line of cells at x positions (points); a cell wraps within its width. */
  const row = (cells: ([string, number] | [string, number, number])[], font = 'body') => {
    if (doc.y > bottom) doc.addPage();
    const y = doc.y;
    doc.font(font).fontSize(10);
    let h = 0;
    for (const [text, x, width] of cells) {
      doc.text(text, x, y, { width: width ?? 230, lineBreak: true });
      h = Math.max(h, doc.y - y);
      doc.y = y;
    }
    doc.y = y + Math.max(h, 14);
  };

  doc.font('bold').fontSize(18).text(t.title + (inv.state === 'draft' ? ` (${t.draft})` : ''), 50, 50);
  doc.font('body').fontSize(11).moveDown(0.5);
  doc.text(`${t.number}: ${inv.number}`);
  doc.text(`${t.month}: ${inv.month}`);
  doc.moveDown();
  doc.text(inv.recipient.name);
  doc.text(inv.recipient.street);
  doc.text(`${inv.recipient.postalCode} ${inv.recipient.city}`);
  doc.moveDown();

  doc.font('bold').fontSize(12).text(t.visits, 50);
  doc.moveDown(0.3);
  row([[t.date, 50], [t.time, 140], [t.who, 200], [t.minutes, 470]], 'bold');
  for (const l of inv.lines.filter((x) => x.kind === 'visit')) {
    row([[l.date, 50], [l.start, 140], [l.staffNames.join(', '), 200], [String(l.minutes), 470]]);
  }
  doc.moveDown();
  const sum = (label: string, value: string, font = 'body') => row([[label, 50], [value, 330]], font);
  sum(t.delivered, t.hours(inv.deliveredMin));
  if (inv.missedMin > 0) sum(t.missed, t.hours(inv.missedMin));
  sum(t.tariff, `${formatKr(inv.tariffPerHourOre, inv.language).replace(/ kr$|^SEK /, '')} ${t.perHour}`);
  sum(t.tariffAmount, formatKr(inv.tariffAmountOre, inv.language));
  sum(t.cap, formatKr(inv.capOre, inv.language));
  if (inv.capacityOre !== null) sum(t.capacity, formatKr(inv.capacityOre, inv.language));
  sum(`${t.fee} (${t.limitedBy[inv.limitedBy] ?? inv.limitedBy})`, formatKr(inv.feeOre, inv.language), 'bold');

  const credits = inv.lines.filter((x) => x.kind === 'credit');
  if (credits.length > 0) {
    doc.moveDown();
    doc.font('bold').fontSize(12).text(t.credits, 50);
    doc.moveDown(0.3);
    for (const c of credits) {
      row([[`${t.creditFor} ${c.date} (${c.minutes} min)`, 50], [`−${formatKr(c.amountOre ?? 0, inv.language)}`, 330]]);
      if (c.reason) row([[c.reason, 70, 470]]);
    }
  }
  doc.moveDown();
  sum(inv.totalOre >= 0 ? t.total : t.refund, formatKr(Math.abs(inv.totalOre), inv.language), 'bold');
  doc.moveDown();
  doc.font('body').fontSize(9).text(t.notBilled, 50);
  doc.end();
  return done;
}
