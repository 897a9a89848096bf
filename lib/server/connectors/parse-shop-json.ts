// Shop payloads carry 18-digit ids (Shopify's 820982911946154508) that JSON.parse would round to the
// nearest double (820982911946154500). Integer literals too long for a double are turned into strings
// before parsing, by a scan that knows where strings are, so ids are kept exactly as their digits.
const SAFE_DIGITS = 15;

function quoteLongIntegers(text: string): string {
  let out = "";
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      // Skip the string, escapes included.
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "-" || (ch >= "0" && ch <= "9")) {
      let j = i + (ch === "-" ? 1 : 0);
      while (j < text.length && text[j] >= "0" && text[j] <= "9") j++;
      const isInteger = text[j] !== "." && text[j] !== "e" && text[j] !== "E";
      const digits = j - i - (ch === "-" ? 1 : 0);
      if (isInteger && digits > SAFE_DIGITS) {
        out += text.slice(last, i) + '"' + text.slice(i, j) + '"';
        last = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The parsed payload with long integers as strings; null when the body is not a JSON object. */
export function parseShopJson(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(quoteLongIntegers(raw));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Whether the body is a JSON object: the receiver's check before queuing (the job parses it for real, ids kept). */
export function isJsonObject(raw: string): boolean {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
