// PostgreSQL refuses two things JSON can carry: the NUL character (in text and in jsonb) and lone UTF-16
// surrogates ("\ud800" without its pair). Either one in a multi-row insert would fail the whole batch with a
// 500, so the items holding them are found first and rejected on their own, naming the field.
// The common case costs one regex scan of JSON that is serialised anyway for the insert: JSON.stringify
// writes both as \u escapes (a paired surrogate is written as is), so only items whose JSON has such an
// escape are walked to find the field.

// Fast pre-filter: most strings contain neither NUL nor any surrogate; emoji (valid pairs) pass the precise test.
const SUSPECT = /[\u0000\ud800-\udfff]/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// An escape preceded by an even number of backslashes (a literal "\\u0000" in the text is not one).
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f])/i;

/** Whether JSON.stringify output may hold an unstorable string (false positives are possible, never negatives). */
export function mayHoldUnstorableText(json: string): boolean {
  return json.includes("\\u") && UNSTORABLE_ESCAPE.test(json);
}

export function isUnstorable(text: string): boolean {
  return SUSPECT.test(text) && UNSTORABLE.test(text);
}

const MESSAGE = "Must not contain the NUL character or unpaired UTF-16 surrogates";

/** The path of the first string (value or key) PostgreSQL cannot store, or null. Depth-bounded by the JSON body. */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === "string") return isUnstorable(value) ? path : null;
  if (typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const child = path ? `${path}.${key}` : key;
    if (isUnstorable(key)) return child;
    const found = findUnstorableText((value as Record<string, unknown>)[key], child);
    if (found) return found;
  }
  return null;
}

export function unstorableTextError(path: string): { path: string; message: string } {
  return { path, message: MESSAGE };
}
