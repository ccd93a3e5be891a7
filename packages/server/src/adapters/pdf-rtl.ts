// Right-to-left text for the PDFs clients read (weekly letter, invoice) in Arabic and Persian:
// pdfkit lays text out left to right only, so lines are wrapped and ordered here.
/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms: strong right-to-left. */
const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const ltrChar = /[0-9A-Za-z\u00C0-\u024F]/;

export interface VisualRun {
  text: string;
  rtl: boolean;
}

/**
 * Order the words of one right-to-left line for drawing from the right edge leftwards. A
 * simplified Unicode bidirectional algorithm (UAX #9) for a paragraph of base direction RTL with
 * no explicit embeddings: words with a strong RTL letter are RTL; a stretch of consecutive
 * left-to-right words (Latin names, times, phone numbers) stays in reading order as one run; a
 * word with no strong letter joins the stretch around it when both sides are left-to-right.
 * pdfkit's font engine (fontkit) shapes and reverses the letters inside an Arabic-script word.
 * @param line - the words in logical order, separated by single spaces
 * @returns runs in logical order; the first run is drawn rightmost
 */
export function rtlRuns(line: string): VisualRun[] {
  const tokens = line.split(' ').filter((w) => w.length > 0).map((w) => ({ text: w, dir: rtlChar.test(w) ? 'r' : ltrChar.test(w) ? 'l' : 'n' }));
  // Neutral words (a dash, a colon) take the direction of their neighbours when those agree, else the paragraph's.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.dir !== 'n') continue;
    const prev = tokens.slice(0, i).reverse().find((t) => t.dir !== 'n')?.dir;
    const next = tokens.slice(i + 1).find((t) => t.dir !== 'n')?.dir;
    tokens[i]!.dir = prev === 'l' && next === 'l' ? 'l' : 'r';
  }
  const runs: VisualRun[] = [];
  for (const t of tokens) {
    const last = runs.at(-1);
    if (t.dir === 'l' && last && !last.rtl) last.text += ` ${t.text}`;
    else runs.push({ text: t.text, rtl: t.dir === 'r' });
  }
  return runs;
}

/** Words of `text` in lines no wider than `width` points in the document's current font. */
export function wrapWords(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const current = lines.at(-1);
    if (current !== undefined && doc.widthOfString(`${current} ${word}`) <= width) lines[lines.length - 1] = `${current} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Draw one right-to-left line ending at `right` points from the page's left edge. fontkit shapes
 * an Arabic-script word and reverses its letters, but does not mirror its brackets (UAX #9 rule
 * L4), so they are swapped here; a left-to-right run keeps its order.
 */
export function drawRtlLine(doc: PDFKit.PDFDocument, line: string, right: number, y: number): void {
  const space = doc.widthOfString(' ');
  let x = right;
  for (const run of rtlRuns(line)) {
    const text = run.rtl ? run.text.replace(/[()]/g, (b) => (b === '(' ? ')' : '(')) : run.text;
    x -= doc.widthOfString(text);
    doc.text(text, x, y, { lineBreak: false });
    x -= space;
  }
}
