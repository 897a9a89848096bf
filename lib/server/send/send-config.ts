// The installation's Send configuration, from the environment: SMTP_URL (nodemailer connection URL,
// e.g. smtps://user:pass@smtp.example.com:465), SMTP_FROM (default sender), SMTP_RATE (messages per
// second), SEND_UNSUBSCRIBE_MAILTO (the mailto: of List-Unsubscribe) and the public base URL of the links.
import { publicUrl } from "@/lib/server/auth/oidc/config";

export interface SendConfig {
  smtpUrl: string | null;
  smtpFrom: string | null;
  smtpRate: number | null;
  unsubscribeMailto: string | null;
  baseUrl: string;
}

function positiveInt(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function sendConfig(): SendConfig {
  return {
    smtpUrl: process.env.SMTP_URL?.trim() || null,
    smtpFrom: process.env.SMTP_FROM?.trim() || null,
    smtpRate: positiveInt(process.env.SMTP_RATE),
    unsubscribeMailto: process.env.SEND_UNSUBSCRIBE_MAILTO?.trim() || null,
    baseUrl: publicUrl(),
  };
}
