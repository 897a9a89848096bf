// Workspace slugs: derived from the name when not given, made unique by a numeric suffix.
export const SLUG_MAX_LENGTH = 50;

// Letters that Unicode decomposition does not reduce to ASCII but that have an obvious spelling.
const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** "Acme Café — Europe" → "acme-cafe-europe"; always a valid slug (2–50 of [a-z0-9-]). */
export function deriveSlug(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => TRANSLITERATIONS[letter] ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = trimHyphens(ascii.replace(/[^a-z0-9]+/g, "-").slice(0, SLUG_MAX_LENGTH));
  if (slug.length === 0) return "workspace";
  // A single character is too short to be a slug; keep it recognisable rather than dropping it.
  return slug.length < 2 ? `workspace-${slug}` : slug;
}

/** `base` when free, otherwise base-2, base-3 … (shortening the base so the result still fits). */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = trimHyphens(base.slice(0, SLUG_MAX_LENGTH - suffix.length)) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The part every suffixed variant of `base` starts with, to find the taken ones in one query. */
export function slugFamilyPrefix(base: string): string {
  // Suffixes up to "-99999" shorten a long base by at most 6 characters.
  return trimHyphens(base.slice(0, SLUG_MAX_LENGTH - 6));
}

function trimHyphens(value: string): string {
  return value.replace(/^-+|-+$/g, "");
}
