// Handing messages over: nodemailer's SMTP pool (one per installation URL and rate), or the sandbox
// outbox, which stores the rendered message and delivers nothing.
import nodemailer, { type Transporter } from "nodemailer";
import { sendConfig } from "./send-config";

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
}

export type SmtpOutcome =
  | { ok: true }
  /**
   * permanent: a 5xx answer (a hard bounce). retryable: a 4xx answer (greylisting, a full mailbox, a busy
   * server) or no connection at all: the message was certainly not accepted, so trying again later
   * cannot deliver it twice. Neither: an error of unknown outcome (e.g. the connection dropped after
   * the message data was sent), which is not retried.
   */
  | { ok: false; permanent: boolean; retryable: boolean; code: number | null; message: string };

const pools = new Map<string, Transporter>();

/** The pooled SMTP transport for a rate (messages per second; null = unlimited). */
export function smtpTransport(rate: number | null): Transporter {
  const url = sendConfig().smtpUrl;
  if (!url) throw new Error("SMTP_URL is not set");
  const key = `${url}#${rate ?? ""}`;
  let pool = pools.get(key);
  if (!pool) {
    const options = new URL(url);
    pool = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: Number(options.searchParams.get("maxConnections") ?? 5),
      maxMessages: Infinity,
      ...(rate ? { rateDelta: 1000, rateLimit: rate } : {}),
    });
    pools.set(key, pool);
  }
  return pool;
}

/** Closes every pool (tests, shutdown, and a changed SMTP_URL). */
export function closeSmtpPools(): void {
  for (const pool of pools.values()) pool.close();
  pools.clear();
}

interface SmtpError {
  /** nodemailer's error code: ECONNECTION, ETIMEDOUT, ESOCKET, EENVELOPE, EMESSAGE, … */
  code?: string;
  /** The SMTP command that failed: CONN, EHLO, MAIL FROM, RCPT TO, DATA, … */
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export async function sendSmtp(transport: Transporter, mail: OutgoingMail): Promise<SmtpOutcome> {
  try {
    await transport.sendMail({
      from: { name: mail.from.name, address: mail.from.address },
      to: mail.to,
      replyTo: mail.replyTo ?? undefined,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      messageId: mail.messageId,
    });
    return { ok: true };
  } catch (error) {
    const e = (error ?? {}) as SmtpError;
    const code = typeof e.responseCode === "number" ? e.responseCode : null;
    const notConnected = code === null && (e.command === "CONN" || e.code === "ECONNECTION");
    return {
      ok: false,
      permanent: code !== null && code >= 500 && code < 600,
      retryable: (code !== null && code >= 400 && code < 500) || notConnected,
      code,
      message: (e.response ?? e.message ?? "SMTP error").slice(0, 500),
    };
  }
}
