// The weekly letter (veckobrev): next week's visits day by day, who comes, the fixed contact and
// the team's phone number, printed in large type in the client's language for people who do not
// use screens. Loading reads the database; rendering is pdfkit with fonts from the repository.
import { fileURLToPath } from 'node:url';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { addDays, isoWeek, isoWeekday, messageLanguage, spokenDate, type ClientLanguage } from '@tillit/domain';
import type { Db } from '../db/connection.js';
import { clients, dayPlans, staff, teams, visits } from '../db/schema.js';
import { drawRtlLine, wrapWords } from '../adapters/pdf-rtl.js';

const fontDir = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export const isoWeekPattern = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** @returns the Monday of an ISO week "YYYY-Www", or null when the year has no such week (W53). */
export function mondayOfIsoWeek(week: string): string | null {
  const m = isoWeekPattern.exec(week);
  if (!m) return null;
  // ISO 8601: week 1 is the week with 4 January in it.
  const jan4 = `${m[1]}-01-04`;
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), 7 * (Number(m[2]) - 1));
  return isoWeek(monday) === week ? monday : null;
}

/** @returns the ISO week after the one `today` is in. */
export function nextIsoWeek(today: string): string {
  return isoWeek(addDays(today, 7));
}

export interface LetterVisit {
  windowStart: string;
  windowEnd: string;
  title: string;
  serviceType: string;
  video: boolean;
  cancelled: boolean;
  /** First names of who comes; null until the team has published the day. */
  staff: string[] | null;
}

export interface WeeklyLetter {
  clientId: string;
  language: ClientLanguage;
  clientName: string;
  week: string;
  days: { date: string; visits: LetterVisit[] }[];
  fixedContact: { firstName: string; lastName: string; initials: string; photo: Buffer | null } | null;
  team: { name: string; phone: string };
}

/** A staff photo stored as a data URL (PNG or JPEG) becomes bytes pdfkit can draw; anything else is ignored. */
function photoBytes(url: string | null): Buffer | null {
  const m = url ? /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(url) : null;
  return m ? Buffer.from(m[2]!, 'base64') : null;
}

/**
 * Read the letters of some clients for one week. Visits must already be generated for the week.
 * @param db - the database
 * @param clientIds - whose letters, in the order wanted
 * @param week - ISO week "YYYY-Www" (valid)
 * @returns one letter per client found
 */
export async function loadWeeklyLetters(db: Db, clientIds: readonly string[], week: string): Promise<WeeklyLetter[]> {
  const from = mondayOfIsoWeek(week);
  if (!from || clientIds.length === 0) return [];
  const to = addDays(from, 6);
  const cs = await db.select().from(clients).where(inArray(clients.id, [...clientIds]));
  const vs = await db.select().from(visits).where(and(inArray(visits.clientId, [...clientIds]), gte(visits.date, from), lte(visits.date, to)))
    // A full order: the content hash of a letter must not depend on how the database returns ties.
    .orderBy(asc(visits.date), asc(visits.windowStart), asc(visits.windowEnd), asc(visits.id));
  const teamIds = [...new Set([...cs.map((c) => c.teamId), ...vs.map((v) => v.teamId)])];
  const ts = await db.select().from(teams).where(inArray(teams.id, teamIds));
  const plans = await db.select().from(dayPlans).where(and(inArray(dayPlans.teamId, teamIds), gte(dayPlans.date, from), lte(dayPlans.date, to)));
  const published = new Set(plans.filter((p) => p.publishedAt !== null).map((p) => `${p.teamId} ${p.date}`));
  const staffIds = [...new Set([...vs.flatMap((v) => v.staffIds), ...cs.flatMap((c) => (c.fixedContactStaffId ? [c.fixedContactStaffId] : []))])];
  const people = staffIds.length === 0 ? [] : await db.select().from(staff).where(inArray(staff.id, staffIds));
  const personById = new Map(people.map((p) => [p.id, p]));
  const teamById = new Map(ts.map((t) => [t.id, t]));
  const byId = new Map(cs.map((c) => [c.id, c]));
  const letters: WeeklyLetter[] = [];
  for (const clientId of clientIds) {
    const c = byId.get(clientId);
    if (!c) continue;
    const team = teamById.get(c.teamId)!;
    const days = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(from, i);
      days.push({
        date,
        visits: vs.filter((v) => v.clientId === clientId && v.date === date && v.status !== 'missed').map((v) => ({
          windowStart: v.windowStart, windowEnd: v.windowEnd, title: v.title, serviceType: v.serviceType, video: v.video,
          cancelled: v.status === 'cancelled',
          // Names only once the team has published the day: before that the plan may still change.
          staff: published.has(`${v.teamId} ${date}`) ? v.staffIds.map((s) => personById.get(s)?.firstName).filter((n): n is string => !!n) : null,
        })),
      });
    }
    const fc = c.fixedContactStaffId ? personById.get(c.fixedContactStaffId) : undefined;
    letters.push({
      clientId, language: messageLanguage(c.languages), clientName: `${c.firstName} ${c.lastName}`, week, days,
      fixedContact: fc ? { firstName: fc.firstName, lastName: fc.lastName, initials: `${fc.firstName[0] ?? ''}${fc.lastName[0] ?? ''}`.toUpperCase(), photo: photoBytes(fc.photoUrl) } : null,
      team: { name: team.name, phone: team.phone },
    });
  }
  return letters;
}

interface Words {
  title: (week: number) => string;
  to: (name: string) => string;
  intro: string;
  between: (start: string, end: string) => string;
  /** @param count - how many people come (the verb agrees in fi and fa) */
  comes: (names: string, count: number) => string;
  and: string;
  later: string;
  video: string;
  cancelled: string;
  noVisits: string;
  fixedContact: string;
  fixedContactIs: (name: string) => string;
  team: (name: string) => string;
  phone: (phone: string) => string;
  callUs: string;
  services: Record<string, string>;
}

// Wording follows the change notifications (@tillit/domain notifications/messages.ts). Finnish,
// Arabic, Somali and Persian should be checked by native speakers before production use.
const words: Record<ClientLanguage, Words> = {
  sv: {
    title: (w) => `Dina besök vecka ${w}`, to: (n) => `Till ${n}`,
    intro: 'Här är dina besök från hemtjänsten nästa vecka.',
    between: (s, e) => `Mellan ${s} och ${e}`, comes: (n) => `${n} kommer.`, and: 'och', later: 'Personal meddelas senare.',
    video: 'Videobesök', cancelled: 'Inställt', noVisits: 'Inga besök.',
    fixedContact: 'Din fasta omsorgskontakt', fixedContactIs: (n) => n,
    team: (n) => `Ditt arbetslag: ${n}`, phone: (p) => `Telefon: ${p}`,
    callUs: 'Ring oss om något blir fel eller om du undrar något.',
    services: { personal_care: 'Personlig omsorg', service: 'Service', meals: 'Måltid', medication: 'Läkemedel', social: 'Sällskap', safety_check: 'Tillsyn' },
  },
  en: {
    title: (w) => `Your visits in week ${w}`, to: (n) => `To ${n}`,
    intro: 'These are your home care visits next week.',
    between: (s, e) => `Between ${s} and ${e}`, comes: (n) => `${n} will come.`, and: 'and', later: 'Who comes will be told later.',
    video: 'Video visit', cancelled: 'Cancelled', noVisits: 'No visits.',
    fixedContact: 'Your fixed care contact', fixedContactIs: (n) => n,
    team: (n) => `Your home care team: ${n}`, phone: (p) => `Phone: ${p}`,
    callUs: 'Call us if something goes wrong or if you have a question.',
    services: { personal_care: 'Personal care', service: 'Household help', meals: 'Meal', medication: 'Medicine', social: 'Company', safety_check: 'Check-in' },
  },
  fi: {
    title: (w) => `Käyntisi viikolla ${w}`, to: (n) => `Vastaanottaja: ${n}`,
    intro: 'Tässä ovat kotipalvelun käyntisi ensi viikolla.',
    between: (s, e) => `Kello ${s}–${e} välillä`, comes: (n, c) => `${n} ${c > 1 ? 'tulevat' : 'tulee'}.`, and: 'ja', later: 'Tulija ilmoitetaan myöhemmin.',
    video: 'Videokäynti', cancelled: 'Peruttu', noVisits: 'Ei käyntejä.',
    fixedContact: 'Vakituinen hoitajasi', fixedContactIs: (n) => n,
    team: (n) => `Kotipalvelutiimisi: ${n}`, phone: (p) => `Puhelin: ${p}`,
    callUs: 'Soita meille, jos jokin menee vikaan tai jos sinulla on kysyttävää.',
    services: { personal_care: 'Henkilökohtainen hoito', service: 'Kodinhoito', meals: 'Ateria', medication: 'Lääkkeet', social: 'Seura', safety_check: 'Turvakäynti' },
  },
  ar: {
    title: (w) => `زياراتك في الأسبوع ${w}`, to: (n) => `إلى ${n}`,
    intro: 'هذه زيارات الرعاية المنزلية لك في الأسبوع القادم.',
    between: (s, e) => `بين الساعة ${s} و ${e}`, comes: (n) => `سيأتي ${n}`, and: 'و', later: 'سنخبرك لاحقًا بمن سيأتي',
    video: 'زيارة بالفيديو', cancelled: 'ملغاة', noVisits: 'لا توجد زيارات',
    fixedContact: 'مسؤول الرعاية الثابت لك', fixedContactIs: (n) => n,
    team: (n) => `فريق الرعاية المنزلية: ${n}`, phone: (p) => `الهاتف: ${p}`,
    callUs: 'اتصل بنا إذا حدث خطأ ما أو إذا كان لديك سؤال',
    services: { personal_care: 'رعاية شخصية', service: 'مساعدة منزلية', meals: 'وجبة', medication: 'أدوية', social: 'رفقة', safety_check: 'زيارة اطمئنان' },
  },
  so: {
    title: (w) => `Booqashooyinkaaga toddobaadka ${w}`, to: (n) => `Loo diray: ${n}`,
    intro: 'Kuwani waa booqashooyinkaaga daryeelka guriga ee toddobaadka soo socda.',
    between: (s, e) => `Inta u dhaxaysa ${s} iyo ${e}`, comes: (n) => `${n} ayaa imanaya.`, and: 'iyo', later: 'Cidda imanaysa waa laguu sheegi doonaa hadhow.',
    video: 'Booqasho muuqaal ah', cancelled: 'Waa la joojiyay', noVisits: 'Booqasho ma jirto.',
    fixedContact: 'Xiriirkaaga daryeelka ee joogtada ah', fixedContactIs: (n) => n,
    team: (n) => `Kooxdaada daryeelka guriga: ${n}`, phone: (p) => `Telefoon: ${p}`,
    callUs: "Na soo wac haddii wax qaldamaan ama aad su'aal qabtid.",
    services: { personal_care: 'Daryeel shakhsi ah', service: 'Caawimaad guri', meals: 'Cunto', medication: 'Daawo', social: 'Wehel', safety_check: 'Booqasho hubin' },
  },
  fa: {
    title: (w) => `ملاقات‌های شما در هفته ${w}`, to: (n) => `برای ${n}`,
    intro: 'این‌ها ملاقات‌های مراقبت در منزل شما در هفته آینده است.',
    between: (s, e) => `بین ساعت ${s} و ${e}`, comes: (n, c) => `${n} ${c > 1 ? 'می‌آیند' : 'می‌آید'}`, and: 'و', later: 'بعداً به شما می‌گوییم چه کسی می‌آید',
    video: 'ملاقات تصویری', cancelled: 'لغو شد', noVisits: 'ملاقاتی نیست',
    fixedContact: 'مسئول مراقبت ثابت شما', fixedContactIs: (n) => n,
    team: (n) => `تیم مراقبت در منزل: ${n}`, phone: (p) => `تلفن: ${p}`,
    callUs: 'اگر مشکلی پیش آمد یا سؤالی داشتید با ما تماس بگیرید',
    services: { personal_care: 'مراقبت شخصی', service: 'کمک در خانه', meals: 'غذا', medication: 'دارو', social: 'همراهی', safety_check: 'سرکشی' },
  },
};

const rtlLanguages: ReadonlySet<ClientLanguage> = new Set(['ar', 'fa']);

const A4 = { width: 595.28, height: 841.89 };
const margin = 56;
const contentWidth = A4.width - 2 * margin;
const size = { title: 26, heading: 20, body: 17, small: 16 } as const;

/**
 * Draws text in one language's direction, wrapping at words, and keeps track of the page.
 * Left-to-right text uses pdfkit's own wrapping; right-to-left text is wrapped and ordered here.
 */
class LetterWriter {
  constructor(private readonly doc: PDFKit.PDFDocument, private readonly rtl: boolean) {}

  private ensureRoom(height: number): void {
    if (this.doc.y + height > A4.height - margin) this.doc.addPage();
  }

  /**
   * @param text - one paragraph
   * @param opts - font, size, indent (from the line's start side) and space after, in points
   */
  paragraph(text: string, opts: { font?: 'body' | 'bold'; size?: number; indent?: number; after?: number } = {}): void {
    const doc = this.doc;
    const fontSize = opts.size ?? size.body;
    const indent = opts.indent ?? 0;
    doc.font(opts.font ?? 'body').fontSize(fontSize);
    const lineHeight = doc.currentLineHeight(true) * 1.15;
    const width = contentWidth - indent;
    if (!this.rtl) {
      this.ensureRoom(lineHeight);
      doc.text(text, margin + indent, doc.y, { width, lineGap: lineHeight - doc.currentLineHeight(true) });
    } else {
      for (const line of wrapWords(doc, text, width)) {
        this.ensureRoom(lineHeight);
        const y = doc.y;
        drawRtlLine(doc, line, A4.width - margin - indent, y);
        doc.x = margin;
        doc.y = y + lineHeight;
      }
    }
    doc.y += opts.after ?? 0;
    doc.x = margin;
  }

  /** A round badge with a photo or initials, at the line's start side; returns the indent it takes. */
  badge(photo: Buffer | null, initials: string, diameter: number): number {
    const doc = this.doc;
    this.ensureRoom(diameter + 8);
    const x = this.rtl ? A4.width - margin - diameter : margin;
    const y = doc.y;
    if (photo) {
      doc.save().circle(x + diameter / 2, y + diameter / 2, diameter / 2).clip();
      doc.image(photo, x, y, { width: diameter, height: diameter });
      doc.restore();
    } else {
      doc.save().circle(x + diameter / 2, y + diameter / 2, diameter / 2).fill('#1d3b5c').restore();
      doc.font('bold').fontSize(diameter * 0.38).fillColor('#ffffff');
      const w = doc.widthOfString(initials);
      doc.text(initials, x + (diameter - w) / 2, y + diameter * 0.3, { lineBreak: false });
      doc.fillColor('#000000');
    }
    doc.x = margin;
    doc.y = y;
    return diameter + 16;
  }
}

function drawLetter(doc: PDFKit.PDFDocument, letter: WeeklyLetter): void {
  const w = words[letter.language];
  const rtl = rtlLanguages.has(letter.language);
  const out = new LetterWriter(doc, rtl);
  const rule = () => {
    if (doc.y + 120 > A4.height - margin) doc.addPage();
    doc.moveTo(margin, doc.y).lineTo(A4.width - margin, doc.y).lineWidth(1.5).stroke('#000000');
    doc.y += 12;
  };
  doc.x = margin;
  doc.y = margin;
  const weekNo = Number(letter.week.slice(6));
  out.paragraph(w.title(weekNo), { font: 'bold', size: size.title, after: 4 });
  const first = letter.days[0]!.date;
  const last = letter.days.at(-1)!.date;
  out.paragraph(`${spokenDate(first, letter.language)} – ${spokenDate(last, letter.language)}`, { size: size.body, after: 6 });
  out.paragraph(w.to(letter.clientName), { size: size.body, after: 4 });
  out.paragraph(w.intro, { size: size.body, after: 12 });
  // Who to call comes first: the fixed contact and the team's phone, then the days.
  out.paragraph(w.fixedContact, { font: 'bold', size: size.heading, after: 6 });
  if (letter.fixedContact) {
    const top = doc.y;
    const indent = out.badge(letter.fixedContact.photo, letter.fixedContact.initials, 64);
    doc.y = top + 18;
    out.paragraph(w.fixedContactIs(`${letter.fixedContact.firstName} ${letter.fixedContact.lastName}`), { font: 'bold', size: size.heading, indent });
    doc.y = Math.max(doc.y, top + 72);
  }
  out.paragraph(w.team(letter.team.name), { size: size.body, after: 2 });
  out.paragraph(w.phone(letter.team.phone), { font: 'bold', size: size.heading, after: 8 });
  rule();

  for (const day of letter.days) {
    // Keep a day's heading with its first visit.
    if (doc.y + 90 > A4.height - margin) doc.addPage();
    const heading = spokenDate(day.date, letter.language);
    out.paragraph(heading.charAt(0).toLocaleUpperCase(letter.language) + heading.slice(1), { font: 'bold', size: size.heading, after: 2 });
    if (day.visits.length === 0) out.paragraph(w.noVisits, { indent: 18, after: 8 });
    for (const v of day.visits) {
      // The care plan's own words are Swedish; other languages name the kind of help instead.
      const what = letter.language === 'sv' ? v.title : (w.services[v.serviceType] ?? v.title);
      const marks = [v.video ? w.video : null, v.cancelled ? w.cancelled : null].filter((m): m is string => m !== null);
      out.paragraph(`${w.between(v.windowStart, v.windowEnd)}${marks.length ? ` – ${marks.join(' – ')}` : ''}`, { font: 'bold', size: size.body, indent: 18 });
      const who = v.cancelled ? '' : ` ${v.staff === null || v.staff.length === 0 ? w.later : w.comes(v.staff.join(` ${w.and} `), v.staff.length)}`;
      out.paragraph(`${what}.${who}`, { size: size.body, indent: 18, after: 8 });
    }
    doc.y += 6;
  }

  rule();
  out.paragraph(w.callUs, { size: size.body, after: 2 });
  out.paragraph(w.phone(letter.team.phone), { font: 'bold', size: size.title });
}

/**
 * Render letters into one PDF, each starting on a new page (A4, body text 17 pt).
 * @param letters - the letters in print order
 * @param options - madeAt: the document's creation date (default now); with it, the same letters
 *   render to the same bytes
 * @returns the PDF bytes
 */
export function renderWeeklyLetters(letters: readonly WeeklyLetter[], options: { madeAt?: Date } = {}): Promise<Buffer> {
  const first = letters[0];
  const doc = new PDFDocument({
    size: 'A4', margin, autoFirstPage: false,
    info: {
      Title: first ? `${words[first.language].title(Number(first.week.slice(6)))}` : 'Tillit', Author: 'Tillit',
      ...(options.madeAt ? { CreationDate: options.madeAt } : {}),
    },
    lang: first?.language ?? 'sv',
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', `${fontDir}DejaVuSans.ttf`);
  doc.registerFont('bold', `${fontDir}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (letters.length === 0) doc.addPage();
  for (const letter of letters) {
    doc.addPage();
    drawLetter(doc, letter);
  }
  doc.end();
  return done;
}
