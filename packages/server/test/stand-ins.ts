// Local stand-ins for the outside world the notifications reach: an HTTP SMS gateway speaking
// docs/adapters/sms-gateway.md, and a real SMTP server (the smtp-server package), on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmsStandIn {
  url: string;
  /** Every request received, including refused and duplicate ones. */
  requests: { key: string; to: string; text: string }[];
  /** Distinct messages delivered to phones (duplicates by idempotency key dropped). */
  delivered: Map<string, { to: string; text: string }>;
  /** Answer the next n requests with this status. */
  failNext(n: number, status: number): void;
  /** Delay each answer (to kill a sender mid-request). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startSmsStandIn(apiKey: string): Promise<SmsStandIn> {
  const requests: SmsStandIn['requests'] = [];
  const delivered: SmsStandIn['delivered'] = new Map();
  let failures: { n: number; status: number } = { n: 0, status: 503 };
  const state = { delayMs: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const body = JSON.parse(raw || '{}') as { to: string; text: string };
      // Recorded on arrival, so a client killed while waiting for the answer still counts.
      requests.push({ key, to: body.to, text: body.text });
      const reply = () => {
        if (req.method !== 'POST' || req.url !== '/v1/messages') return void res.writeHead(404).end();
        if (req.headers.authorization !== `Bearer ${apiKey}`) return void res.writeHead(401).end();
        if (failures.n > 0) {
          failures.n--;
          return void res.writeHead(failures.status, { 'retry-after': '1' }).end();
        }
        if (!delivered.has(key)) delivered.set(key, { to: body.to, text: body.text });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${key}` }));
      };
      if (state.delayMs > 0) setTimeout(reply, state.delayMs);
      else reply();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests, delivered,
    failNext(n, status) { failures = { n, status }; },
    get delayMs() { return state.delayMs; },
    set delayMs(v: number) { state.delayMs = v; },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export interface SmtpStandIn {
  url: string;
  messages: { to: string; messageId: string; raw: string }[];
  close(): Promise<void>;
}

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const messages: SmtpStandIn['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '';
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), messageId: id, raw });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((r) => server.close(() => r())) };
}
