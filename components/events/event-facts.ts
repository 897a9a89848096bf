// The few context facts worth reading before the raw JSON: browser and OS (parsed from the user agent at
// ingestion into contextInfo.client.parsed), device, location, store, sales assistant and UTM campaign.
import UAParser from "ua-parser-js";
import { isRecord, recordAt, textAt, type JsonRecord } from "./event-values";

export interface EventFact {
  label: string;
  value: string;
}

const joinNameVersion = (source: unknown) => {
  const name = textAt(source, "name");
  const version = textAt(source, "version");
  return name ? (version ? `${name} ${version}` : name) : undefined;
};

function deviceText(contextInfo: unknown, parsed: JsonRecord | undefined): string | undefined {
  const device = recordAt(contextInfo, "device");
  const parsedDevice = recordAt(parsed, "device");
  const model = [
    textAt(device, "manufacturer") ?? textAt(parsedDevice, "vendor"),
    textAt(device, "model") ?? textAt(parsedDevice, "model"),
  ]
    .filter(Boolean)
    .join(" ");
  const type = textAt(device, "type") ?? textAt(parsedDevice, "type");
  if (model && type) return `${model} (${type})`;
  return model || type;
}

function locationText(contextInfo: unknown): string | undefined {
  const place = recordAt(recordAt(contextInfo, "client"), "localization");
  const parts = [
    textAt(place, "city"),
    textAt(place, "region") ?? textAt(place, "province"),
    textAt(place, "country"),
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

function storeText(contextInfo: unknown): string | undefined {
  const store = recordAt(contextInfo, "store");
  const name = textAt(store, "name") ?? textAt(store, "id");
  if (!name) return undefined;
  const address =
    store && isRecord(store.address)
      ? [textAt(store.address, "city"), textAt(store.address, "country")].filter(Boolean).join(", ")
      : textAt(store, "address");
  return address ? `${name} — ${address}` : name;
}

function personText(source: unknown): string | undefined {
  const name = [textAt(source, "firstName"), textAt(source, "lastName")].filter(Boolean).join(" ");
  return name || textAt(source, "id");
}

function campaignText(contextInfo: unknown): string | undefined {
  const campaign = recordAt(contextInfo, "campaign");
  const name = textAt(campaign, "utm_campaign");
  const origin = [textAt(campaign, "utm_source"), textAt(campaign, "utm_medium")].filter(Boolean).join(" / ");
  if (name && origin) return `${name} (${origin})`;
  return name || origin || undefined;
}

/**
 * The parsed user agent: the one stored at ingestion, or — for events stored without it (imports, data
 * from before enrichment) — parsed here from the raw user agent, in the same shape.
 */
function parsedUserAgent(client: JsonRecord | undefined): JsonRecord | undefined {
  const stored = recordAt(client, "parsed");
  if (stored) return stored;
  const userAgent = textAt(client, "userAgent");
  if (!userAgent) return undefined;
  const { browser, os, device } = UAParser(userAgent);
  return {
    browser: { name: browser.name ?? null, version: browser.version ?? null },
    os: { name: os.name ?? null, version: os.version ?? null },
    device: { type: device.type ?? null, vendor: device.vendor ?? null, model: device.model ?? null },
  };
}

/** Facts in reading order; facts the event does not carry are left out rather than shown empty. */
export function contextFacts(contextInfo: unknown): EventFact[] {
  const client = recordAt(contextInfo, "client");
  const parsed = parsedUserAgent(client);
  const device = recordAt(contextInfo, "device");
  const app = [textAt(device, "appId"), textAt(device, "appVersion")].filter(Boolean).join(" ");
  const candidates: [string, string | undefined][] = [
    ["Browser", joinNameVersion(recordAt(parsed, "browser"))],
    [
      "Operating system",
      joinNameVersion(recordAt(parsed, "os")) ??
        [textAt(device, "os"), textAt(device, "osVersion")].filter(Boolean).join(" "),
    ],
    ["Device", deviceText(contextInfo, parsed)],
    ["App", app],
    ["Location", locationText(contextInfo)],
    ["IP address", textAt(client, "ip")],
    ["Store", storeText(contextInfo)],
    ["Sales assistant", personText(recordAt(contextInfo, "salesAssistant"))],
    ["Campaign", campaignText(contextInfo)],
    ["UTM content", textAt(recordAt(contextInfo, "campaign"), "utm_content")],
  ];
  return candidates
    .filter((fact): fact is [string, string] => Boolean(fact[1]))
    .map(([label, value]) => ({ label, value }));
}
