// A real SMTP receiver for Send tests (smtp-server on a loopback port, messages parsed with mailparser),
// with scripted refusals: a recipient's address decides the answer to RCPT TO (`refuse`), so a test can
// make a mailbox bounce (5xx) or be busy (4xx) for its first attempts.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  to: string;
  mail: ParsedMail;
}

export interface SmtpReceiver {
  url: string;
  received: Received[];
  /** RCPT TO attempts per address (accepted or not). */
  attempts: Map<string, number>;
  close(): Promise<void>;
}

/** The SMTP reply code to refuse an address with at its n-th attempt (1-based), or null to accept. */
export type Refusal = (address: string, attempt: number) => number | null;

export async function startSmtpReceiver(
  refuse: Refusal = () => null,
  options: { delayMs?: number } = {},
): Promise<SmtpReceiver> {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, attempt);
      const code = refuse(address.address, attempt);
      if (code === null) return callback();
      const text = code >= 500 ? "5.1.1 No such user" : "4.2.1 Mailbox busy, try again later";
      callback(Object.assign(new Error(text), { responseCode: code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        // A slow server (delayMs per message) keeps a send in flight long enough to be cut off.
        .then((mail) => new Promise<ParsedMail>((resolve) => setTimeout(() => resolve(mail), options.delayMs ?? 0)))
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?maxConnections=4`,
    received,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
