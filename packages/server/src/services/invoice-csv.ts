// The month's invoices as CSV for the municipality's finance system: one row per invoice, semicolon
// separated with decimal commas (what Swedish finance systems and spreadsheets read), UTF-8 with BOM.

export interface CsvInvoice {
  number: string;
  clientId: string;
  month: string;
  state: string;
  recipient: { name: string; street: string; postalCode: string; city: string };
  deliveredMin: number;
  feeOre: number;
  limitedBy: string;
  creditOre: number;
  totalOre: number;
}

const header = ['invoice_number', 'client_id', 'month', 'state', 'name', 'street', 'postal_code', 'city', 'delivered_hours', 'fee_sek', 'limited_by', 'credit_sek', 'total_sek'];

function cell(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
const kr = (ore: number) => (ore / 100).toFixed(2).replace('.', ',');

/** @returns the CSV text, header first, CRLF line ends (RFC 4180). */
export function invoicesCsv(rows: readonly CsvInvoice[]): string {
  const lines = [header.join(';')];
  for (const r of rows) {
    lines.push([
      r.number, r.clientId, r.month, r.state, r.recipient.name, r.recipient.street, r.recipient.postalCode, r.recipient.city,
      (r.deliveredMin / 60).toFixed(2).replace('.', ','), kr(r.feeOre), r.limitedBy, kr(r.creditOre), kr(r.totalOre),
    ].map(cell).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
