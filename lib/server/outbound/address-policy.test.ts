// The outbound address policy on its own: which literal addresses a delivery may reach.
import { afterEach, describe, expect, it } from "vitest";
import { isRefusedAddress } from "./address-policy";

describe("outbound address policy", () => {
  afterEach(() => {
    delete process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE;
  });

  it.each([
    "127.0.0.1",
    "10.0.0.8",
    "172.20.1.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fd12:3456::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "::ffff:10.0.0.1",
    "not-an-ip",
  ])("refuses %s", (ip) => expect(isRefusedAddress(ip)).toBe(true));

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (ip) =>
    expect(isRefusedAddress(ip)).toBe(false),
  );

  it("allows private targets only when the installation says so", () => {
    process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE = "1";
    expect(isRefusedAddress("127.0.0.1")).toBe(false);
  });
});
