// Builds the Fastify application: plugins, the error mapping, sessions and every route.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { AppContext } from './context.js';
import { installProblemHandlers } from './errors/problem.js';
import { requireSession, type SessionUser } from './auth/sessions.js';
import { authRoutes } from './routes/auth.js';
import { clientRoutes } from './routes/clients.js';
import { teamRoutes } from './routes/teams.js';
import { meRoutes } from './routes/me.js';
import { followUpRoutes } from './routes/follow-up.js';
import { billingRoutes } from './routes/billing.js';
import { adminRoutes } from './routes/admin.js';
import { unitRoutes } from './routes/units.js';
import { deviationRoutes } from './routes/deviations.js';
import { lexSarahRoutes } from './routes/lex-sarah.js';
import { followUpSettingsRoutes } from './routes/follow-up-settings.js';
import { planningWeightsRoutes } from './routes/planning-weights.js';
import { improvementRoutes } from './routes/improvements.js';
import { visitFollowUpRoutes } from './routes/visit-follow-up.js';
import { feeRoutes } from './routes/fees.js';
import { invoiceRoutes } from './routes/invoices.js';
import { careFollowUpRoutes } from './routes/care-follow-up.js';
import { teamDayRoutes } from './routes/team-day.js';
import { clientViewRoutes } from './routes/client-view.js';
import { weeklyLetterRoutes } from './routes/weekly-letters.js';
import { notificationRoutes } from './routes/notifications.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionUser | null;
  }
  interface FastifyInstance {
    routeList: readonly string[];
  }
}

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

/** Routes that answer without a session; everything else under /api/ requires one. */
export const publicRoutes = new Set([
  'POST /api/auth/login',
  // The secret URL is the credential; reads are access-logged as the feed's owner.
  'GET /api/calendar/:token',
  'GET /api/auth/session',
  'GET /healthz',
]);

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildOptions {
  logger?: Logger | boolean;
  /** Serve the built web app from packages/web/dist (on by default when it exists). */
  serveWeb?: boolean;
}

/** @returns the application, ready to `listen` or `inject`. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'object' ? undefined : (options.logger ?? false),
    bodyLimit: 256 * 1024,
    // Request ids name requests in logs and in problem documents without naming people.
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
  } as never) as unknown as FastifyInstance;
  // Every route's "METHOD /path", so tests can prove each one has an access-matrix entry.
  const routeList: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
  });
  app.decorate('routeList', routeList);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const spa = (options.serveWeb ?? true) && existsSync(webDist);
  installProblemHandlers(app, { spa });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tillit API',
        version: '0.1.0',
        description:
          'Trust-based home care. Sign in with POST /api/auth/login; send the session cookie, and on ' +
          'POST/PUT/PATCH/DELETE the x-csrf-token header from the login answer. Errors are ' +
          'application/problem+json (RFC 9457). Every read of client data is access-logged.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tillit_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const key = `${request.method} ${request.routeOptions.url ?? ''}`;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/openapi.json') return;
    if (publicRoutes.has(key)) return;
    request.session = await requireSession(ctx.db, request, ctx.now());
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    const typed = api.withTypeProvider<ZodTypeProvider>();
    authRoutes(typed, ctx);
    clientRoutes(typed, ctx);
    teamRoutes(typed, ctx);
    unitRoutes(typed, ctx);
    teamDayRoutes(typed, ctx);
    planningWeightsRoutes(typed, ctx);
    clientViewRoutes(typed, ctx);
    weeklyLetterRoutes(typed, ctx);
    notificationRoutes(typed, ctx);
    meRoutes(typed, ctx);
    followUpRoutes(typed, ctx);
    billingRoutes(typed, ctx);
    adminRoutes(typed, ctx);
    deviationRoutes(typed, ctx);
    lexSarahRoutes(typed, ctx);
    improvementRoutes(typed, ctx);
    followUpSettingsRoutes(typed, ctx);
    visitFollowUpRoutes(typed, ctx);
    feeRoutes(typed, ctx);
    invoiceRoutes(typed, ctx);
    careFollowUpRoutes(typed, ctx);
  });

  if (spa) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  return app;
}

/** The signed-in user of a route that requires a session (the onRequest hook guarantees it). */
export function sessionOf(request: FastifyRequest): SessionUser {
  if (!request.session) throw new Error('route registered without a session guard');
  return request.session;
}
