// Initials for an avatar: from the name when there is one ("Ada Lovelace" → "AL"), else from the
// e-mail's local part ("ada.lovelace@…" → "AL", "ada@…" → "AD").
export function initials(name: string | null | undefined, email = ""): string {
  const fromName = (name ?? "").trim();
  const source = fromName || email.split("@")[0] || "";
  const words = source.split(fromName ? /\s+/ : /[._\-+\s]+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  if (words.length === 0) return "?";
  // Array.from splits by code point, so an initial is never half of a surrogate pair.
  const first = (word: string) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "";
  const letters =
    words.length === 1
      ? Array.from(words[0])
          .filter((c) => /\p{L}|\p{N}/u.test(c))
          .slice(0, 2)
          .join("")
      : first(words[0]) + first(words[words.length - 1]);
  return letters.toLocaleUpperCase();
}
