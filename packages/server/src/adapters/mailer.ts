// E-mail over SMTP with nodemailer. The outbox row's id is the Message-ID, so a message re-sent
// after a crash is recognisably the same message.
import nodemailer, { type Transporter } from 'nodemailer';
import { DeliveryError, type Channel, type OutgoingMessage } from './delivery.js';

export interface MailerConfig {
  /** smtp://user:password@host:port (or smtps://). */
  url: string;
  from: string;
  /** The domain in Message-IDs. */
  domain: string;
  /** Send without STARTTLS (a local relay or the test stand-in). */
  ignoreTls?: boolean;
}

export class Mailer implements Channel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly config: MailerConfig) {
    this.transport = nodemailer.createTransport({
      url: config.url,
      ignoreTLS: config.ignoreTls ?? false,
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
  }

  async send(message: OutgoingMessage): Promise<{ providerId: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.id}@${this.config.domain}>`,
      });
      return { providerId: String(info.messageId) };
    } catch (e) {
      const err = e as { responseCode?: number; code?: string };
      // 5xx SMTP replies are permanent (bad address); connection trouble and 4xx are passing.
      const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500;
      throw new DeliveryError(`SMTP delivery failed: ${err.code ?? err.responseCode ?? 'error'}`, !permanent);
    }
  }

  close(): void {
    this.transport.close();
  }
}
