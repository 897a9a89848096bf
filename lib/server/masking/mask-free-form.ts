// Masking of free-form JSON (audit details, event properties and context, merge reasons, delivery results):
// its keys are not known in advance, so a value is masked when its key names personal data or when the
// value itself reads as an e-mail address, a phone number or an IP address. Ids, timestamps, numbers under
// other keys and booleans stay, so the record keeps its meaning and its shape.
import { maskEmail, maskPhone, maskText } from "@/lib/server/masking/mask-customer";

const PERSONAL_KEY =
  /(name|e-?mail|phone|mobile|fax|street|address|zip|postal|postcode|birth|dob|username|login|identifier|ip|user_?agent|lat|lon|geo|value|filter|externalid|anonymousid|subscriberid|evidence|picture|avatar|to|from)$/i;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An address inside longer text ("write to mario@example.com"). */
const EMBEDDED_EMAIL = /[^\s@<>"',;:()]+@[^\s@<>"',;:()]+\.[a-z]{2,}/gi;
const PHONE = /^\+?[\d\s().-]{7,}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:]*$/i;

function maskString(value: string, personalKey: boolean): string {
  if (EMAIL.test(value)) return maskEmail(value);
  if (IPV4.test(value)) return value.replace(/\.\d{1,3}\.\d{1,3}$/, ".***.***");
  if (IPV6.test(value) && value.includes("::")) return `${value.split(":")[0]}:***`;
  if (PHONE.test(value) && /\d{7,}/.test(value.replace(/\D/g, ""))) return maskPhone(value);
  return personalKey ? maskText(value) : value.replace(EMBEDDED_EMAIL, maskEmail);
}

/** Masks `value` in depth; `personalKey` says whether its own key names personal data. */
export function maskFreeForm(value: unknown, personalKey = false): unknown {
  if (typeof value === "string") return maskString(value, personalKey);
  if (typeof value === "number") return personalKey ? 0 : value;
  if (Array.isArray(value)) return value.map((item) => maskFreeForm(item, personalKey));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, maskFreeForm(item, personalKey || PERSONAL_KEY.test(key))]),
    );
  }
  return value;
}
