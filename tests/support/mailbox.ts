// A real SMTP server on loopback that keeps what it receives: the app's mail goes out through
// nodemailer exactly as in production, and tests read it back.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string; from: string; subject: string; text: string };

export type Mailbox = {
  /** SMTP_URL for the app. */
  url: string;
  /** Received and not yet taken by `next`. */
  messages: ReceivedMail[];
  /** The oldest message not yet taken, waiting for one to arrive. */
  next: (timeoutMs?: number) => Promise<ReceivedMail>;
  /** Refuse every message from now on (false: accept again). */
  refuse: (refusing: boolean) => void;
  close: () => Promise<void>;
};

export async function openMailbox(): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  let refusing = false;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (refusing) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox full'), { responseCode: 452 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const next = async (timeoutMs = 5000): Promise<ReceivedMail> => {
    const deadline = Date.now() + timeoutMs;
    while (messages.length === 0) {
      if (Date.now() > deadline) throw new Error('no mail arrived');
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return messages.shift() as ReceivedMail;
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    next,
    refuse: (value) => {
      refusing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
