// Which addresses an outgoing request (a webhook delivery) may reach: public unicast only. Loopback,
// private (RFC 1918), carrier-grade NAT, link-local (and with it the 169.254.169.254 cloud metadata
// service), unique-local IPv6, multicast, reserved and unspecified ranges are refused, in IPv4, IPv6 and
// IPv4-mapped IPv6 (::ffff:10.0.0.1) forms, unless the installation allows private targets
// (ATRIUM_WEBHOOKS_ALLOW_PRIVATE=1: development and tests, whose receivers listen on 127.0.0.1).
import { BlockList, isIP } from "node:net";

const refused = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  refused.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  refused.addSubnet(net, prefix, "ipv6");

export function allowsPrivateTargets(): boolean {
  return process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE === "1";
}

/** The IPv4 address an IPv4-mapped or -compatible IPv6 address stands for, if it is one. */
function embeddedIpv4(ip: string): string | null {
  const match =
    /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (match) return match[1];
  // ::ffff:a00:1 (hex form)
  const hex = /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True when a request must not go to this address (private ones allowed only by the installation). */
export function isRefusedAddress(ip: string): boolean {
  if (allowsPrivateTargets()) return false;
  const family = isIP(ip);
  if (family === 0) return true;
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4 !== null) return refused.check(v4, "ipv4");
    return refused.check(ip, "ipv6");
  }
  return refused.check(ip, "ipv4");
}
