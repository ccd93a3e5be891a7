// Fee figures per year (finance keeps them as data) and each client's declared fee basis.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  canSeeBilling, feeBasis, feeCapacityOre, feeYearSettings, id, minimumAdjustment, minimumAmountOre, monthlyCapOre,
} from '@tillit/domain';
import type { AppContext } from '../context.js';
import { localDate } from '../context.js';
import { clientFeeBases, feeYears } from '../db/schema-follow-up.js';
import { authorizeClient } from '../access/guard.js';
import { forbidden } from '../errors/problem.js';
import { sessionOf } from '../app.js';
import { loadFeeYears } from '../services/invoicing.js';
import { type Api, errors } from './api.js';

const yearView = feeYearSettings.extend({ capOre: z.number(), minimumSingleOre: z.number(), minimumCoupleOre: z.number() });
const basisBody = z.object({
  household: z.enum(['single', 'couple']),
  netIncomeKr: z.number().int().min(0).max(1_000_000),
  housingCostKr: z.number().int().min(0).max(1_000_000),
  adjustments: z.array(minimumAdjustment.strict()).max(20).default([]),
}).strict();

export function feeRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/fee-years', {
    schema: {
      tags: ['billing'],
      summary: 'Fee figures per year (prisbasbelopp, factors, tariff, rounding) with the cap and minimum amounts they give',
      response: { 200: z.object({ items: z.array(yearView) }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!canSeeBilling(actor)) throw forbidden('Only finance keeps the fee figures.');
    const years = await loadFeeYears(ctx.db);
    return { items: years.map((y) => ({ ...y, capOre: monthlyCapOre(y), minimumSingleOre: minimumAmountOre(y, 'single'), minimumCoupleOre: minimumAmountOre(y, 'couple') })) };
  });

  api.put('/api/fee-years/:year', {
    schema: {
      tags: ['billing'],
      summary: "Set a year's fee figures (a new year is a new row; sent invoices keep the figures they were computed with)",
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: feeYearSettings.omit({ year: true }).strict(),
      response: { 200: yearView, ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    if (!canSeeBilling(actor)) throw forbidden('Only finance keeps the fee figures.');
    const settings = { ...request.body, year: request.params.year };
    await ctx.db.insert(feeYears).values({ year: settings.year, settings, updatedBy: actor.userId, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: feeYears.year, set: { settings, updatedBy: actor.userId, updatedAt: ctx.now() } });
    return { ...settings, capOre: monthlyCapOre(settings), minimumSingleOre: minimumAmountOre(settings, 'single'), minimumCoupleOre: minimumAmountOre(settings, 'couple') };
  });

  api.get('/api/clients/:clientId/fee-basis', {
    schema: {
      tags: ['billing'],
      summary: "The client's declared income and housing cost, and the fee capacity it gives this year (null: no declaration, the cap applies)",
      params: z.object({ clientId: id }),
      response: {
        200: z.object({
          basis: feeBasis.nullable(),
          year: z.number(),
          minimumOre: z.number().nullable(),
          capacityOre: z.number().nullable(),
          capOre: z.number().nullable(),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    await authorizeClient(ctx, request, actor, request.params.clientId, 'billing', 'read');
    const row = (await ctx.db.select().from(clientFeeBases).where(eq(clientFeeBases.clientId, request.params.clientId)))[0];
    const basis = row ? feeBasis.parse(row) : null;
    const year = Number(localDate(ctx.now(), ctx.config.timeZone).slice(0, 4));
    const s = (await loadFeeYears(ctx.db)).find((y) => y.year === year);
    const cap = s && basis ? feeCapacityOre(s, basis) : null;
    return { basis, year, minimumOre: cap?.minimumOre ?? null, capacityOre: cap?.capacityOre ?? null, capOre: s ? monthlyCapOre(s) : null };
  });

  api.put('/api/clients/:clientId/fee-basis', {
    schema: {
      tags: ['billing'],
      summary: "Record the client's declared net income (incl. housing supplement), housing cost and minimum-amount adjustments",
      params: z.object({ clientId: id }),
      body: basisBody,
      response: { 200: z.object({ clientId: id }), ...errors },
    },
  }, async (request) => {
    const { actor } = sessionOf(request);
    const { clientId } = request.params;
    await authorizeClient(ctx, request, actor, clientId, 'billing', 'write');
    const values = { ...request.body, updatedBy: actor.userId, updatedAt: ctx.now() };
    await ctx.db.insert(clientFeeBases).values({ clientId, ...values }).onConflictDoUpdate({ target: clientFeeBases.clientId, set: values });
    return { clientId };
  });
}
