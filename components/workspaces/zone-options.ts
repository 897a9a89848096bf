// Choices for the workspace's time zone and currency, from the browser's own Intl data — the same IANA
// and ISO 4217 lists the API validates against.
export interface Option {
  value: string;
  label: string;
}

/** The engine's IANA zones; "UTC" is not always among them but is the API's default, so it is added. */
export function timeZoneOptions(extra: readonly string[] = []): Option[] {
  const zones = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  for (const zone of ["UTC", ...extra]) if (zone) zones.add(zone);
  return [...zones]
    .sort((a, b) => a.localeCompare(b))
    .map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

export function currencyOptions(extra: readonly string[] = [], locale?: string): Option[] {
  const codes = new Set(
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : ["EUR", "USD", "GBP"],
  );
  for (const code of extra) if (code) codes.add(code);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: "currency" });
  } catch {
    names = null;
  }
  return [...codes].sort().map((code) => {
    const name = names?.of(code);
    return { value: code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}

/** The browser's own zone, a sensible default for a new workspace. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
