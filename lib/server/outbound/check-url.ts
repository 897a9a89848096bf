// Whether a webhook URL may be used: http(s), HTTPS unless the installation allows private targets, no
// credentials in it, and a host whose every resolved address is allowed (address-policy.ts). Checked when
// a subscription is saved (a 422 naming `url`) and again at every delivery, through the pinned lookup.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { allowsPrivateTargets, isRefusedAddress } from "./address-policy";

/** Why the URL is refused, or null when it may be used. */
export async function checkOutboundUrl(raw: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Must be an absolute URL";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowsPrivateTargets()))
    return "Must be an https:// URL";
  if (url.username || url.password) return "Must not contain credentials";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isRefusedAddress(host) ? "Points to a private or reserved address" : null;
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    if (addresses.length === 0) return "The host does not resolve";
    if (addresses.some((a) => isRefusedAddress(a.address))) return "Resolves to a private or reserved address";
    return null;
  } catch {
    return "The host does not resolve";
  }
}
