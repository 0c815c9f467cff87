// Outgoing mail through the operator's SMTP server (SMTP_URL). Mail leaves the app: what is sent
// through here never names a patient or a team (whose name is often the patient's), only counts,
// codes and links. Without SMTP_URL there is no mailer and nothing that needs one is offered.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';

export type MailMessage = { to: string; subject: string; text: string };

export type Mailer = { send: (message: MailMessage) => Promise<void>; close: () => void };

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from: config.mailFrom, ...message });
    },
    close: () => transport.close(),
  };
}
