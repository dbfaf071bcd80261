// Outgoing email over SMTP (nodemailer). Absent when SMTP_URL is unset: reminders are then in-app only.
import nodemailer from "nodemailer";

export type OutgoingMail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void };

export function createMailer(options: { smtpUrl?: string; from: string }): Mailer | null {
  if (!options.smtpUrl) return null;
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
