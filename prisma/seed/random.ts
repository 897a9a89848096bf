// One seeded random sequence for the whole demo: every choice comes from it, so the same seed and the
// same reference date always give the same data. Locale-specific fakers share the one randomizer.
import {
  base,
  de,
  de_AT,
  de_CH,
  en,
  en_GB,
  en_US,
  es,
  Faker,
  fr,
  fr_BE,
  generateMersenne53Randomizer,
  it,
  nl,
  pt_PT,
  type LocaleDefinition,
} from "@faker-js/faker";

export const DEMO_SEED = 20261128;
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const LOCALES: Record<string, LocaleDefinition> = { de, de_AT, de_CH, en_GB, en_US, es, fr, fr_BE, it, nl, pt_PT };

export class Rng {
  readonly faker: Faker;
  private readonly next: () => number;
  private readonly fakers = new Map<string, Faker>();

  constructor(seed: number = DEMO_SEED) {
    const randomizer = generateMersenne53Randomizer(seed);
    this.next = () => randomizer.next();
    this.faker = new Faker({ locale: [en, base], randomizer });
    for (const [name, locale] of Object.entries(LOCALES)) {
      this.fakers.set(name, new Faker({ locale: [locale, en, base], randomizer }));
    }
  }

  /** The faker of a locale such as "it" or "en_GB" (English when unknown). */
  fakerFor(locale: string): Faker {
    return this.fakers.get(locale) ?? this.faker;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** A choice weighted by the second element of each entry. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.float() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const result: T[] = [];
    while (result.length < count && copy.length > 0)
      result.push(copy.splice(Math.floor(this.float() * copy.length), 1)[0]);
    return result;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** A whole number of milliseconds in [from, to). */
  timeBetween(from: number, to: number): number {
    return from + Math.floor(this.float() * Math.max(0, to - from));
  }

  hex(length: number): string {
    let out = "";
    // 13 hex digits (52 bits) per draw.
    while (out.length < length)
      out += Math.floor(this.next() * 2 ** 52)
        .toString(16)
        .padStart(13, "0");
    return out.slice(0, length);
  }

  /** A UUIDv7 whose time part is `at`, so ids sort like the rows' creation times. */
  uuid7(at: number): string {
    const time = Math.max(0, Math.floor(at)).toString(16).padStart(12, "0");
    const variant = (8 + this.int(0, 3)).toString(16);
    const random = this.hex(18);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(3, 6)}-${random.slice(6)}`;
  }

  /** A random UUIDv4-shaped id (anonymous ids, message ids, device ids). */
  uuid(): string {
    const random = this.hex(30);
    const variant = (8 + this.int(0, 3)).toString(16);
    return `${random.slice(0, 8)}-${random.slice(8, 12)}-4${random.slice(12, 15)}-${variant}${random.slice(15, 18)}-${random.slice(18)}`;
  }
}

/** The default reference date: the start of the current UTC day (events and sign-ups end there). */
export function defaultReferenceDate(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
