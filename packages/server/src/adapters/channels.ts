// The delivery channels configured by environment variables (README "Notifications").
import type { Channel } from './delivery.js';
import { Mailer } from './mailer.js';
import { SmsGateway } from './sms-gateway.js';

export function channelsFromEnv(env: NodeJS.ProcessEnv): Partial<Record<'sms' | 'email', Channel>> {
  const channels: Partial<Record<'sms' | 'email', Channel>> = {};
  if (env.TILLIT_SMS_URL && env.TILLIT_SMS_KEY) {
    channels.sms = new SmsGateway({ baseUrl: env.TILLIT_SMS_URL, apiKey: env.TILLIT_SMS_KEY, from: env.TILLIT_SMS_FROM ?? 'Hemtjansten' });
  }
  if (env.TILLIT_SMTP_URL) {
    channels.email = new Mailer({
      url: env.TILLIT_SMTP_URL,
      from: env.TILLIT_MAIL_FROM ?? 'Hemtjänsten <hemtjanst@example.org>',
      domain: env.TILLIT_MAIL_DOMAIN ?? 'tillit.local',
      ignoreTls: env.TILLIT_SMTP_IGNORE_TLS === 'true',
    });
  }
  return channels;
}
