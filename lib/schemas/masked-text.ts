// The masked forms of names and e-mails, produced alike by the server (lib/server/masking/mask-customer.ts)
// and by the explorer for rows it must mask itself (components/customers/mask-display.ts); ZMaskedEmail in
// customer-base.ts is the shape they satisfy.
import { MASK } from "./customer-base";

/** "Mario" → "M***" (first character, counted as a code point so accents and emoji stay whole). */
export function maskText(value: string): string {
  const first = Array.from(value.trim())[0];
  return first === undefined ? "" : `${first}${MASK}`;
}

/** "mario.rossi@gmail.com" → "m***@g***.com". */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at <= 0) return maskText(value);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const maskedDomain = dot > 0 ? `${maskText(domain.slice(0, dot))}${domain.slice(dot)}` : maskText(domain);
  return `${maskText(value.slice(0, at))}@${maskedDomain}`;
}
