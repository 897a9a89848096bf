// Templates (LiquidJS, strict about variables and filters, HTML escaped), message composition (tracked
// links only for the campaign's own links, RFC 8058 headers) and signed tokens (tampering refused).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/core/errors";
import { composeMessage, extractLinks } from "./compose-message";
import { signToken, verifyToken } from "./signing";
import { compileTemplates, renderTemplates } from "./templates";

const WS = "01a2340a-5b9d-7312-bed4-c7b4247b34db";
const RECIPIENT = "01a2340a-5b9d-7312-bed4-c7b4247b34dc";

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.options.errors ?? []).map((e) => e.path);
    throw error;
  }
  return [];
}

describe("templates", () => {
  it("personalises with defaults and escapes customer data in HTML only", () => {
    const compiled = compileTemplates({
      subject: "Hi {{ customer.base.firstName }}",
      html: '<p>Hello {{ customer.base.firstName | default: "there" }}</p>',
    });
    expect(renderTemplates(compiled, { customer: { base: {} } }).html).toBe("<p>Hello there</p>");
    const rendered = renderTemplates(compiled, { customer: { base: { firstName: "<b>Ann</b>" } } });
    expect(rendered.html).toBe("<p>Hello &lt;b&gt;Ann&lt;/b&gt;</p>");
    expect(rendered.subject).toBe("Hi <b>Ann</b>");
  });

  it("names each field with an unknown variable, unknown filter or bad syntax", () => {
    expect(
      fieldsOf(() =>
        compileTemplates({
          subject: "{{ customer.base.nope }}",
          preheader: "{{ secret }}",
          html: "{{ x | shell }}",
          text: "{{ unclosed",
        }),
      ),
    ).toEqual(["subject", "preheader", "html", "text"]);
    expect(fieldsOf(() => compileTemplates({ subject: "ok", html: "{{ customer.base.address.city }}" }))).toEqual([]);
  });

  it("reads no files through include", () => {
    expect(fieldsOf(() => compileTemplates({ subject: "s", html: "{% include '/etc/passwd' %}" }))).toEqual(["html"]);
  });
});

describe("composing a message", () => {
  it("tracks only the campaign's own links and carries the RFC 8058 headers", () => {
    const html = '<a href="https://shop.test/a?x=1&amp;y=2">A</a> <a href="{{ customer.extended.url }}">B</a>';
    const links = extractLinks(html);
    expect(links).toEqual(["https://shop.test/a?x=1&y=2"]);
    const message = composeMessage({
      templates: compileTemplates({ subject: "s", html }),
      scope: { customer: { extended: { url: "https://elsewhere.test/" } } },
      links,
      urls: {
        unsubscribe: "https://atrium.test/u/T",
        mailto: "mailto:unsubscribe@shop.test?subject=unsubscribe%20T",
        open: "https://atrium.test/o/T",
        click: (i) => `https://atrium.test/c/${i}`,
      },
      postalAddress: "1 Market St",
      senderName: "Shop",
    });
    expect(message.html).toContain('href="https://atrium.test/c/0"');
    expect(message.html).toContain('href="https://elsewhere.test/"');
    expect(message.html).toContain('src="https://atrium.test/o/T"');
    expect(message.headers).toEqual({
      "List-Unsubscribe": "<https://atrium.test/u/T>, <mailto:unsubscribe@shop.test?subject=unsubscribe%20T>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(message.text).toContain("Unsubscribe: https://atrium.test/u/T");
  });
});

describe("signed tokens", () => {
  const key = randomBytes(32);

  it("round-trips and refuses another purpose, another key or any changed character", () => {
    const token = signToken(key, { purpose: "c", workspaceId: WS, recipientId: RECIPIENT, link: 3 });
    expect(verifyToken(key, token, "c")).toEqual({ purpose: "c", workspaceId: WS, recipientId: RECIPIENT, link: 3 });
    expect(verifyToken(key, token, "u")).toBeNull();
    expect(verifyToken(randomBytes(32), token, "c")).toBeNull();
    expect(verifyToken(key, token.replace(".3.", ".4."), "c")).toBeNull();
    expect(verifyToken(key, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "c")).toBeNull();
  });
});
