// The one way the web app talks to the server: JSON over fetch, the session cookie sent by the
// browser, the CSRF token on every unsafe request, and errors as problem documents.
import type { Problem } from './types.js';

let csrfToken: string | null = null;

/** Remember the token from the login or session answer; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A failed request, carrying the server's problem document (or one made up for network failures). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The stable last part of the problem type URI, e.g. "bad-credentials". */
  get code(): string {
    return this.problem.type.split('/').pop() ?? '';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Send one request to the API.
 * @param method - HTTP method; anything but GET carries the CSRF token
 * @param path - path under the site root, starting with /api/
 * @param body - JSON body, if any
 * @returns the parsed JSON answer, or undefined for 204
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError({ type: 'about:blank#network', title: 'Network error', status: 0, detail: 'The server could not be reached.' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const p = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
    throw new ApiError({
      ...p,
      type: p.type ?? `about:blank#${res.status}`,
      title: p.title ?? res.statusText,
      status: res.status,
      detail: p.detail ?? res.statusText,
    });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
