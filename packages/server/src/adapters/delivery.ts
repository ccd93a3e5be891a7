// What the outbox sender needs from a channel (SMS, e-mail): send one message, or say whether a
// failure is worth retrying.

export interface OutgoingMessage {
  /** Stable id of the outbox row; providers use it to drop duplicates after a crash and retry. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

export class DeliveryError extends Error {
  /**
   * @param retryable - a passing failure (timeout, 429, 5xx): try again later
   * @param retryAfterMs - the provider's own hint, when it gave one
   */
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface Channel {
  readonly name: 'sms' | 'email';
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
}
