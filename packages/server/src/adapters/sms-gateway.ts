// Client of an HTTP SMS gateway (docs/adapters/sms-gateway.md): POST /v1/messages with a bearer
// key and an Idempotency-Key, so a message re-sent after a crash is delivered once.
import { DeliveryError, type Channel, type OutgoingMessage } from './delivery.js';

export interface SmsGatewayConfig {
  /** e.g. https://sms.example.com; tests use a stand-in on 127.0.0.1. */
  baseUrl: string;
  apiKey: string;
  /** Sender name shown on the phone (at most 11 characters). */
  from: string;
  timeoutMs?: number;
}

export class SmsGateway implements Channel {
  readonly name = 'sms' as const;
  constructor(private readonly config: SmsGatewayConfig) {}

  async send(message: OutgoingMessage): Promise<{ providerId: string }> {
    let res: Response;
    try {
      res = await fetch(new URL('/v1/messages', this.config.baseUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.config.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': message.id,
        },
        body: JSON.stringify({ from: this.config.from, to: message.to, text: message.text }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new DeliveryError(`SMS gateway unreachable: ${(e as Error).name}`, true);
    }
    if (res.status === 200 || res.status === 201) {
      const body = (await res.json().catch(() => ({}))) as { id?: unknown };
      return { providerId: typeof body.id === 'string' ? body.id : message.id };
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    const retryable = res.status === 429 || res.status >= 500;
    throw new DeliveryError(`SMS gateway answered ${res.status}`, retryable, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
  }
}
