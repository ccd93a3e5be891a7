// Every error leaves the server as application/problem+json (RFC 9457), mapped here and only here.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '@tillit/domain';

export interface ProblemFieldError {
  /** JSON pointer into the request, e.g. /body/languages/0. */
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: ProblemFieldError[];
  /** RFC 9457 extension members, e.g. the current state in a conflict. */
  [extension: string]: unknown;
}

const typeBase = 'https://tillit.example/problems/';

const statusByCode: Record<DomainErrorCode, number> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'invalid-input': 400,
  'client-not-in-team': 422,
  'staff-not-in-team': 422,
  'decision-expired': 422,
  'visit-outside-window': 422,
  'fixed-contact-not-qualified': 422,
  'deviation-step-out-of-order': 409,
  'client-not-told': 409,
  'lex-sarah-step-out-of-order': 409,
  'improvement-step-out-of-order': 409,
  'visit-not-settleable': 409,
  'fee-year-missing': 422,
  'invoice-sent': 409,
};

const titleByStatus: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** An error a route throws to answer with a given status, e.g. 401 from the session guard. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors?: ProblemFieldError[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  errors?: ProblemFieldError[],
): Problem {
  return {
    type: typeBase + code,
    title: titleByStatus[status] ?? 'Error',
    status,
    detail,
    instance,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function toProblem(error: FastifyError | Error, request: FastifyRequest): Problem {
  const instance = `urn:tillit:request:${request.id}`;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      pointer: `/${where}${v.instancePath === '/' ? '' : v.instancePath}`,
      detail: v.message ?? 'is not valid',
    }));
    const summary = errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
    return problem(400, 'validation', `The request is not valid: ${summary}`, instance, errors);
  }
  if (error instanceof DomainError) {
    const errors = error.field ? [{ pointer: error.field, detail: error.message }] : undefined;
    return problem(statusByCode[error.code], error.code, error.message, instance, errors);
  }
  if (error instanceof HttpProblem) {
    return { ...problem(error.status, error.code, error.message, instance, error.errors), ...error.extensions };
  }
  if (isResponseSerializationError(error)) {
    return problem(500, 'internal', 'Something went wrong on our side. The error has been logged.', instance);
  }
  const fe = error as FastifyError;
  // Fastify's own client errors: malformed JSON, wrong content type, body too large, rate limit.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 429 ? 'too-many-requests' : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported-media-type' : fe.statusCode === 413 ? 'too-large' : 'bad-request';
    return problem(fe.statusCode, code, fe.message, instance);
  }
  return problem(500, 'internal', 'Something went wrong on our side. The error has been logged.', instance);
}

/**
 * Install the one error handler and the one 404 handler.
 * @param options.spa - unknown GET paths outside /api/ answer the web app's index.html, which routes on the client
 */
export function installProblemHandlers(app: FastifyInstance, options: { spa?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const body = toProblem(error, request);
    if (body.status >= 500) {
      // The request id ties the log line to the answer; the error text may name no person.
      request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    }
    return reply.status(body.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    const body = problem(404, 'not-found', 'No such resource.', `urn:tillit:request:${request.id}`);
    return reply.status(404).type('application/problem+json').send(body);
  });
}

export const notFound = (what: string) => new DomainError('not-found', `${what} was not found.`);
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
