// The invoice as a PDF in the client's language (sv, en, fi, so, and Arabic and Persian right to
// left; others get Swedish), one line per visit with date, time, who and minutes, and every credit
// with its reason. The font is embedded from the repository (DejaVu Sans, free licence in
// assets/fonts), so å, ä, ö, Arabic script and the client's name print on any machine. Right-to-left
// lines are ordered as the weekly letter orders them (adapters/pdf-rtl.ts); the
// Finnish, Somali, Arabic and Persian wording should be checked by native speakers.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { InvoiceLanguage } from '../services/invoicing.js';
import { drawRtlLine, wrapWords } from './pdf-rtl.js';

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
    min: 'min',
    title: 'Faktura hemtjänst', draft: 'UTKAST', number: 'Fakturanummer', month: 'Månad', visits: 'Utförda besök',
    date: 'Datum', time: 'Tid', who: 'Vem', minutes: 'Minuter', delivered: 'Utförd tid', tariff: 'Taxa', perHour: 'kr/tim',
    tariffAmount: 'Enligt taxa', cap: 'Maxtaxa', capacity: 'Ditt avgiftsutrymme', fee: 'Avgift för månaden',
    limitedBy: { tariff: 'enligt taxa', cap: 'begränsad av maxtaxan', capacity: 'begränsad av ditt avgiftsutrymme' } as Record<string, string>,
    credits: 'Kreditering för besök som inte blev av', creditFor: 'Besök', total: 'Att betala', refund: 'Att återbetala till dig',
    missed: 'Missade besök denna månad (debiteras inte)', notBilled: 'Du betalar bara för besök som blev av. Ett missat besök debiteras aldrig.',
    hours: (min: number) => `${Math.floor(min / 60)} tim ${min % 60} min`,
  },
  en: {
    min: 'min',
    title: 'Home care invoice', draft: 'DRAFT', number: 'Invoice number', month: 'Month', visits: 'Visits carried out',
    date: 'Date', time: 'Time', who: 'Who', minutes: 'Minutes', delivered: 'Time delivered', tariff: 'Tariff', perHour: 'SEK/hour',
    tariffAmount: 'By the tariff', cap: 'Monthly cap (maxtaxa)', capacity: 'Your fee capacity', fee: 'Fee for the month',
    limitedBy: { tariff: 'by the tariff', cap: 'limited by the monthly cap', capacity: 'limited by your fee capacity' } as Record<string, string>,
    credits: 'Credit for visits that did not happen', creditFor: 'Visit', total: 'Amount to pay', refund: 'Amount refunded to you',
    missed: 'Missed visits this month (not billed)', notBilled: 'You pay only for visits that happened. A missed visit is never billed.',
    hours: (min: number) => `${Math.floor(min / 60)} h ${min % 60} min`,
  },
  fi: {
    min: 'min',
    title: 'Kotihoidon lasku', draft: 'LUONNOS', number: 'Laskun numero', month: 'Kuukausi', visits: 'Toteutuneet käynnit',
    date: 'Päivä', time: 'Aika', who: 'Kuka', minutes: 'Minuutit', delivered: 'Toteutunut aika', tariff: 'Taksa', perHour: 'kr/t',
    tariffAmount: 'Taksan mukaan', cap: 'Enimmäismaksu (maxtaxa)', capacity: 'Maksuvarasi', fee: 'Kuukauden maksu',
    limitedBy: { tariff: 'taksan mukaan', cap: 'enimmäismaksun rajaama', capacity: 'maksuvarasi rajaama' } as Record<string, string>,
    credits: 'Hyvitys käynneistä, jotka jäivät toteutumatta', creditFor: 'Käynti', total: 'Maksettava', refund: 'Palautetaan sinulle',
    missed: 'Tämän kuun väliin jääneet käynnit (ei laskuteta)', notBilled: 'Maksat vain toteutuneista käynneistä. Väliin jäänyttä käyntiä ei koskaan laskuteta.',
    hours: (min: number) => `${Math.floor(min / 60)} t ${min % 60} min`,
  },
  so: {
    min: 'daqiiqo',
    title: 'Biilka daryeelka guriga', draft: 'QABYO', number: 'Lambarka biilka', month: 'Bisha', visits: 'Booqashooyinka la sameeyay',
    date: 'Taariikh', time: 'Waqti', who: 'Yaa', minutes: 'Daqiiqado', delivered: 'Waqtiga la bixiyay', tariff: 'Qiimaha', perHour: 'kr/saacaddii',
    tariffAmount: 'Sida qiimaha', cap: 'Xadka ugu sarreeya (maxtaxa)', capacity: 'Awoodda lacag bixintaada', fee: 'Lacagta bishan',
    limitedBy: { tariff: 'sida qiimaha', cap: 'waxaa xaddiday xadka ugu sarreeya', capacity: 'waxaa xaddiday awoodda lacag bixintaada' } as Record<string, string>,
    credits: 'Lacag celin booqashooyin aan dhicin', creditFor: 'Booqasho', total: 'Lacagta la bixinayo', refund: 'Lacagta laguu celinayo',
    missed: 'Booqashooyin la seegay bishan (lacag lagama qaado)', notBilled: 'Waxaad bixinaysaa oo keliya booqashooyinka dhacay. Booqasho la seegay weligeed lacag lagama qaado.',
    hours: (min: number) => `${Math.floor(min / 60)} saac ${min % 60} daqiiqo`,
  },
  ar: {
    min: 'دقيقة',
    title: 'فاتورة الرعاية المنزلية', draft: 'مسودة', number: 'رقم الفاتورة', month: 'الشهر', visits: 'الزيارات المنفذة',
    date: 'التاريخ', time: 'الوقت', who: 'من', minutes: 'الدقائق', delivered: 'الوقت المقدم', tariff: 'التعرفة', perHour: 'كرونة في الساعة',
    tariffAmount: 'حسب التعرفة', cap: 'الحد الأقصى للرسوم (maxtaxa)', capacity: 'قدرتك على الدفع', fee: 'رسوم الشهر',
    limitedBy: { tariff: 'حسب التعرفة', cap: 'محدودة بالحد الأقصى', capacity: 'محدودة بقدرتك على الدفع' } as Record<string, string>,
    credits: 'خصم عن زيارات لم تتم', creditFor: 'زيارة', total: 'المبلغ المستحق', refund: 'المبلغ المسترد لك',
    missed: 'زيارات فائتة هذا الشهر (غير محتسبة)', notBilled: 'تدفع فقط مقابل الزيارات التي تمت. الزيارة الفائتة غير محتسبة أبدا.',
    hours: (min: number) => `${Math.floor(min / 60)} ساعة ${min % 60} دقيقة`,
  },
  fa: {
    min: 'دقیقه',
    title: 'صورتحساب مراقبت در منزل', draft: 'پیش‌نویس', number: 'شماره صورتحساب', month: 'ماه', visits: 'ملاقات‌های انجام‌شده',
    date: 'تاریخ', time: 'ساعت', who: 'چه کسی', minutes: 'دقیقه', delivered: 'زمان ارائه‌شده', tariff: 'تعرفه', perHour: 'کرون در ساعت',
    tariffAmount: 'طبق تعرفه', cap: 'سقف هزینه (maxtaxa)', capacity: 'توان پرداخت شما', fee: 'هزینه ماه',
    limitedBy: { tariff: 'طبق تعرفه', cap: 'محدود به سقف هزینه', capacity: 'محدود به توان پرداخت شما' } as Record<string, string>,
    credits: 'بازپرداخت برای ملاقات‌هایی که انجام نشد', creditFor: 'ملاقات', total: 'مبلغ قابل پرداخت', refund: 'مبلغ بازپرداختی به شما',
    missed: 'ملاقات‌های از دست رفته این ماه (دریافت نمی‌شود)', notBilled: 'شما فقط برای ملاقات‌هایی که انجام شد پرداخت می‌کنید. برای ملاقات از دست رفته هرگز هزینه‌ای دریافت نمی‌شود.',
    hours: (min: number) => `${Math.floor(min / 60)} ساعت ${min % 60} دقیقه`,
  },
} as const satisfies Record<InvoiceLanguage, unknown>;

const rtlLanguages: ReadonlySet<InvoiceLanguage> = new Set(['ar', 'fa']);

/**
 * @returns kronor with two decimals and the currency: English style in English, Swedish style
 *   otherwise (the amount is in Swedish kronor, and Western digits read the same in every script)
 */
export function formatKr(ore: number, language: InvoiceLanguage): string {
  const n = (ore / 100).toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return language === 'en' ? `SEK ${n}` : `${n} kr`;
}

/** @returns the PDF bytes. */
export function renderInvoicePdf(inv: PdfInvoice): Promise<Buffer> {
  const t = texts[inv.language];
  const rtl = rtlLanguages.has(inv.language);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${t.title} ${inv.number}`, Author: 'Tillit' }, lang: inv.language } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', `${fontDir}DejaVuSans.ttf`);
  doc.registerFont('bold', `${fontDir}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const pageWidth = doc.page.width;
  const bottom = doc.page.height - 60;

  /**
   * Text in a cell that starts `x` points from the page's edge on the line's start side (the left
   * in left-to-right languages, the right in Arabic and Persian), wrapping within `width`.
   * @returns the height drawn
   */
  const cell = (text: string, x: number, y: number, width: number): number => {
    if (!rtl) {
      doc.text(text, x, y, { width, lineBreak: true });
      return doc.y - y;
    }
    const lineHeight = doc.currentLineHeight(true);
    let lineY = y;
    for (const line of wrapWords(doc, text, width)) {
      drawRtlLine(doc, line, pageWidth - x, lineY);
      lineY += lineHeight;
    }
    return lineY - y;
  };
  /** One line of cells at x positions (points from the start side); a cell wraps within its width. */
  const row = (cells: ([string, number] | [string, number, number])[], font = 'body', fontSize = 10) => {
    if (doc.y > bottom) doc.addPage();
    const y = doc.y;
    doc.font(font).fontSize(fontSize);
    let h = 0;
    for (const [text, x, width] of cells) h = Math.max(h, cell(text, x, y, width ?? 230));
    doc.x = 50;
    doc.y = y + Math.max(h, fontSize * 1.4);
  };
  const line = (text: string, font = 'body', fontSize = 11) => row([[text, 50, pageWidth - 100]], font, fontSize);
  const gap = (lines = 1) => { doc.y += 11 * 1.2 * lines; };

  doc.y = 50;
  line(t.title + (inv.state === 'draft' ? ` (${t.draft})` : ''), 'bold', 18);
  gap(0.5);
  line(`${t.number}: ${inv.number}`);
  line(`${t.month}: ${inv.month}`);
  gap();
  line(inv.recipient.name);
  line(inv.recipient.street);
  line(`${inv.recipient.postalCode} ${inv.recipient.city}`);
  gap();

  line(t.visits, 'bold', 12);
  gap(0.3);
  row([[t.date, 50], [t.time, 140], [t.who, 200], [t.minutes, 470, 75]], 'bold');
  for (const l of inv.lines.filter((x) => x.kind === 'visit')) {
    row([[l.date, 50], [l.start, 140], [l.staffNames.join(', '), 200, 260], [String(l.minutes), 470, 75]]);
  }
  gap();
  const sum = (label: string, value: string, font = 'body') => row([[label, 50, 270], [value, 330, 215]], font);
  sum(t.delivered, t.hours(inv.deliveredMin));
  if (inv.missedMin > 0) sum(t.missed, t.hours(inv.missedMin));
  sum(t.tariff, `${formatKr(inv.tariffPerHourOre, inv.language).replace(/ kr$|^SEK /, '')} ${t.perHour}`);
  sum(t.tariffAmount, formatKr(inv.tariffAmountOre, inv.language));
  sum(t.cap, formatKr(inv.capOre, inv.language));
  if (inv.capacityOre !== null) sum(t.capacity, formatKr(inv.capacityOre, inv.language));
  sum(`${t.fee} (${t.limitedBy[inv.limitedBy] ?? inv.limitedBy})`, formatKr(inv.feeOre, inv.language), 'bold');

  const credits = inv.lines.filter((x) => x.kind === 'credit');
  if (credits.length > 0) {
    gap();
    line(t.credits, 'bold', 12);
    gap(0.3);
    for (const c of credits) {
      sum(`${t.creditFor} ${c.date} ${c.start} (${c.minutes} ${t.min})`.replace('  ', ' '), `−${formatKr(c.amountOre ?? 0, inv.language)}`);
      if (c.reason) row([[c.reason, 70, 475]]);
    }
  }
  gap();
  sum(inv.totalOre >= 0 ? t.total : t.refund, formatKr(Math.abs(inv.totalOre), inv.language), 'bold');
  gap();
  row([[t.notBilled, 50, pageWidth - 100]], 'body', 9);
  doc.end();
  return done;
}
