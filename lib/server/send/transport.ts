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
  /** permanent: a 5xx answer (a hard bounce); otherwise a temporary or connection failure. */
  | { ok: false; permanent: boolean; code: number | null; message: string };

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
    return {
      ok: false,
      permanent: code !== null && code >= 500 && code < 600,
      code,
      message: (e.response ?? e.message ?? "SMTP error").slice(0, 500),
    };
  }
}
