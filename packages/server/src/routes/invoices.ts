// Invoice runs per month (finance), and invoices as JSON, PDF and CSV. Runs are idempotent; a sent
// run never changes; the client reads their own invoices.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { canSeeBilling, id, type FeeLimits } from '@tillit/domain';
import type { AppContext } from '../context.js';
import { invoices } from '../db/schema-follow-up.js';
import { authorizeClient, filterAndLogClients } from '../access/guard.js';
import { forbidden, notFound } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { renderInvoicePdf } from '../adapters/invoice-pdf.js';
import { invoicesCsv } from '../services/invoice-csv.js';
import { loadLines, loadRun, runInvoices, type InvoiceLanguage } from '../services/invoicing.js';
import { type Api, errors, month } from './api.js';

const runSummary = z.object({
  runId: id, month: z.string(), state: z.string(), recomputed: z.boolean(), computedAt: z.string(), sentAt: z.string().nullable(),
  invoiceCount: z.number(), deliveredMin: z.number(), missedMin: z.number(), feeOre: z.number(), creditOre: z.number(), totalOre: z.number(),
  /** What the run would have charged had missed visits been billed. */
  totalIfMissedBilledOre: z.number(),
});
const invoiceSummary = z.object({
  id, number: z.string(), clientId: id, month: z.string(), state: z.string(), language: z.string(),
  recipient: z.object({ name: z.string(), street: z.string(), postalCode: z.string(), city: z.string() }),
  deliveredMin: z.number(), missedMin: z.number(), tariffAmountOre: z.number(), feeOre: z.number(), limitedBy: z.string(),
  creditOre: z.number(), totalOre: z.number(),
});
const lineView = z.object({
  kind: z.enum(['visit', 'credit']), visitId: id, date: z.string(), start: z.string(), staffNames: z.array(z.string()), minutes: z.number(),
  amountOre: z.number().nullable(), reason: z.string().nullable(), creditMonth: z.string().nullable(),
});
const invoiceDetail = invoiceSummary.extend({
  tariffPerHourOre: z.number(), capOre: z.number(), capacityOre: z.number().nullable(), lines: z.array(lineView),
});

type InvoiceRow = typeof invoices.$inferSelect;
const summaryOf = (i: InvoiceRow) => ({
  id: i.id, number: i.number, clientId: i.clientId, month: i.month, state: i.state, language: i.language, recipient: i.recipient,
  deliveredMin: i.deliveredMin, missedMin: i.missedMin, tariffAmountOre: i.tariffAmountOre, feeOre: i.feeOre, limitedBy: i.limitedBy,
  creditOre: i.creditOre, totalOre: i.totalOre,
});

export function invoiceRoutes(api: Api, ctx: AppContext): void {
  async function summarise(m: string, recomputed: boolean) {
    const loaded = await loadRun(ctx.db, m);
    if (!loaded) throw notFound('The invoice run');
    const { run, invoices: invs } = loaded;
    const sum = (f: (i: InvoiceRow) => number) => invs.reduce((a, i) => a + f(i), 0);
    return {
      runId: run.id, month: run.month, state: run.state, recomputed, computedAt: run.computedAt.toISOString(), sentAt: run.sentAt?.toISOString() ?? null,
      invoiceCount: invs.length, deliveredMin: sum((i) => i.deliveredMin), missedMin: sum((i) => i.missedMin), feeOre: sum((i) => i.feeOre),
      creditOre: sum((i) => i.creditOre), totalOre: sum((i) => i.totalOre), totalIfMissedBilledOre: sum((i) => i.feeIfMissedBilledOre - i.creditOre),
    };
  }
  function requireFinance(request: Parameters<typeof sessionOf>[0]) {
    const s = sessionOf(request);
    if (!canSeeBilling(s.actor)) throw forbidden('Only finance runs invoices.');
    return s;
  }

  api.post('/api/invoice-runs/:month', {
    schema: {
      tags: ['billing'],
      summary: "Compute the month's invoices from delivered care (repeatable: the same data gives the same invoices; a sent run is returned unchanged)",
      params: z.object({ month }),
      response: { 200: runSummary, ...errors, 422: errors[400] },
    },
  }, async (request) => {
    requireFinance(request);
    const r = await runInvoices(ctx.db, request.params.month, ctx.now());
    return summarise(request.params.month, r.recomputed);
  });

  api.post('/api/invoice-runs/:month/send', {
    schema: {
      tags: ['billing'],
      summary: 'Recompute and send the run: from now on its invoices never change; later-found missed visits are credited on the next run',
      params: z.object({ month }),
      response: { 200: runSummary, ...errors, 422: errors[400] },
    },
  }, async (request) => {
    const { actor } = requireFinance(request);
    const r = await runInvoices(ctx.db, request.params.month, ctx.now(), { send: true, sentBy: actor.userId });
    return summarise(request.params.month, r.recomputed);
  });

  api.get('/api/invoice-runs/:month', {
    schema: {
      tags: ['billing'],
      summary: "The month's run: totals (also what missed visits would have cost) and each invoice",
      params: z.object({ month }),
      response: { 200: runSummary.extend({ invoices: z.array(invoiceSummary) }), ...errors },
    },
  }, async (request) => {
    const { actor } = requireFinance(request);
    const summary = await summarise(request.params.month, false);
    const { invoices: invs } = (await loadRun(ctx.db, request.params.month))!;
    const shown = await filterAndLogClients(ctx, request, actor, invs.map((i) => i.clientId), 'billing');
    return { ...summary, invoices: invs.filter((i) => shown.has(i.clientId)).map(summaryOf) };
  });

  api.get('/api/invoice-runs/:month/csv', {
    schema: {
      tags: ['billing'],
      summary: "The month's invoices as CSV for the finance system (semicolon separated, decimal comma, UTF-8)",
      params: z.object({ month }),
      response: { 200: z.string(), ...errors },
    },
  }, async (request, reply) => {
    const { actor } = requireFinance(request);
    const loaded = await loadRun(ctx.db, request.params.month);
    if (!loaded) throw notFound('The invoice run');
    const shown = await filterAndLogClients(ctx, request, actor, loaded.invoices.map((i) => i.clientId), 'billing');
    const csv = invoicesCsv(loaded.invoices.filter((i) => shown.has(i.clientId)));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="invoices-${request.params.month}.csv"`).send(csv);
  });

  api.get('/api/clients/:clientId/invoices', {
    schema: {
      tags: ['billing'],
      summary: "A client's invoices, newest first (the client's own, or finance)",
      params: z.object({ clientId: id }),
      response: { 200: z.object({ items: z.array(invoiceSummary) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeClient(ctx, request, actor, request.params.clientId, 'billing', 'read');
    const rows = await ctx.db.select().from(invoices).where(eq(invoices.clientId, request.params.clientId)).orderBy(desc(invoices.month));
    return { items: rows.map(summaryOf) };
  });

  async function loadInvoice(request: Parameters<typeof sessionOf>[0], clientId: string, m: string) {
    const { actor } = sessionOf(request);
    await authorizeClient(ctx, request, actor, clientId, 'billing', 'read');
    const inv = (await ctx.db.select().from(invoices).where(and(eq(invoices.clientId, clientId), eq(invoices.month, m))))[0];
    if (!inv) throw notFound('The invoice');
    const lines = await loadLines(ctx.db, inv.id);
    const limits = inv.limits as FeeLimits;
    return {
      ...summaryOf(inv), tariffPerHourOre: limits.tariffPerHourOre, capOre: limits.capOre, capacityOre: limits.capacityOre,
      lines: lines.map((l) => ({ kind: l.kind, visitId: l.visitId, date: l.date, start: l.start, staffNames: l.staffNames, minutes: l.minutes, amountOre: l.amountOre, reason: l.reason, creditMonth: l.creditMonth })),
    };
  }

  api.get('/api/clients/:clientId/invoices/:month', {
    schema: {
      tags: ['billing'],
      summary: "The client's invoice of a month with each visit (date, time, who, minutes) and each credit with its reason",
      params: z.object({ clientId: id, month }),
      response: { 200: invoiceDetail, ...errors },
    },
  }, async (request) => loadInvoice(request, request.params.clientId, request.params.month));

  api.get('/api/clients/:clientId/invoices/:month/pdf', {
    schema: {
      tags: ['billing'],
      summary: "The invoice as PDF in the client's language (sv, en, fi, ar, so, fa; others in Swedish; Arabic and Persian right to left)",
      params: z.object({ clientId: id, month }),
      response: { 200: z.any(), ...errors },
    },
  }, async (request, reply) => {
    const inv = await loadInvoice(request, request.params.clientId, request.params.month);
    const pdf = await renderInvoicePdf({ ...inv, language: inv.language as InvoiceLanguage, state: inv.state as 'draft' | 'sent' });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${inv.number}.pdf"`).send(pdf);
  });
}
