// Test helper: sign in through the real login route and make requests as that user.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, `login ${username}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'tillit_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `tillit_session=${cookie.value}`, csrfToken: res.json().csrfToken };
}

export function as(app: FastifyInstance, session: Session | null) {
  return (options: { method: InjectOptions['method']; url: string; payload?: unknown; headers?: Record<string, string> }) =>
    app.inject({
      method: options.method,
      url: options.url,
      ...(options.payload !== undefined ? { payload: options.payload as never } : {}),
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...options.headers,
      },
    });
}
