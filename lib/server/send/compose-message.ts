// One message as it leaves Atrium: the rendered templates, a hidden preheader, tracked links (only the
// campaign's own links are rewritten), the open pixel, a footer with the unsubscribe link and the postal
// address, and the RFC 8058 headers (List-Unsubscribe with an HTTPS URL and a mailto, and
// List-Unsubscribe-Post: List-Unsubscribe=One-Click).
import { renderTemplates, type CompiledTemplates } from "./templates";

const ANCHOR_HREF = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2/gi;
const MAX_LINKS = 500;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/**
 * The absolute http(s) links of an HTML template that hold no Liquid: the only targets a tracked link
 * may redirect to (kept with the campaign when it is sent). Personalised links stay untracked.
 */
export function extractLinks(htmlTemplate: string): string[] {
  const links = new Set<string>();
  for (const match of htmlTemplate.matchAll(ANCHOR_HREF)) {
    const url = decodeAttribute(match[3].trim());
    if (!/^https?:\/\//i.test(url) || /\{\{|\{%/.test(url)) continue;
    try {
      new URL(url);
    } catch {
      continue;
    }
    links.add(url);
    if (links.size >= MAX_LINKS) break;
  }
  return [...links];
}

export function htmlToText(html: string): string {
  return decodeAttribute(
    html
      .replace(/<(style|script|head)\b[\s\S]*?<\/\1>/gi, "")
      .replace(/<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi, "$3 ($2)")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&nbsp;/g, " "),
  )
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n\s*\n+/g, "\n\n")
    .trim();
}

function insertBeforeBodyEnd(html: string, fragment: string): string {
  const at = html.search(/<\/body>/i);
  return at === -1 ? `${html}${fragment}` : `${html.slice(0, at)}${fragment}${html.slice(at)}`;
}

function insertAfterBodyStart(html: string, fragment: string): string {
  const match = /<body\b[^>]*>/i.exec(html);
  if (!match) return `${fragment}${html}`;
  const at = match.index + match[0].length;
  return `${html.slice(0, at)}${fragment}${html.slice(at)}`;
}

export interface MessageUrls {
  unsubscribe: string;
  /** The List-Unsubscribe mailto (with the token in its subject), or null. */
  mailto: string | null;
  /** The open pixel, or null (tests and previews are not tracked). */
  open: string | null;
  /** The tracked URL of the campaign's link at an index, or null to leave links as they are. */
  click: ((index: number) => string) | null;
}

export interface ComposeInput {
  templates: CompiledTemplates;
  /** The Liquid scope without unsubscribeUrl (added here). */
  scope: Record<string, unknown>;
  links: readonly string[];
  urls: MessageUrls;
  postalAddress: string | null;
  senderName: string;
}

export interface ComposedMessage {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export function composeMessage(input: ComposeInput): ComposedMessage {
  const { urls } = input;
  const rendered = renderTemplates(input.templates, { ...input.scope, unsubscribeUrl: urls.unsubscribe });
  let html = rendered.html;
  if (urls.click) {
    const index = new Map(input.links.map((link, i) => [link, i]));
    const click = urls.click;
    html = html.replace(ANCHOR_HREF, (whole, start: string, quote: string, href: string) => {
      const at = index.get(decodeAttribute(href.trim()));
      return at === undefined ? whole : `${start}${quote}${escapeHtml(click(at))}${quote}`;
    });
  }
  if (rendered.preheader) {
    html = insertAfterBodyStart(
      html,
      `<div style="display:none;max-height:0;overflow:hidden;opacity:0">${escapeHtml(rendered.preheader)}</div>`,
    );
  }
  const postal = input.postalAddress ? `<br>${escapeHtml(input.postalAddress)}` : "";
  const footer =
    `<div style="margin-top:32px;font:12px/1.5 Arial,sans-serif;color:#6b7280;text-align:center">` +
    `You receive this e-mail because you agreed to hear from ${escapeHtml(input.senderName)}. ` +
    `<a href="${escapeHtml(urls.unsubscribe)}" style="color:#6b7280">Unsubscribe</a>${postal}</div>` +
    (urls.open
      ? `<img src="${escapeHtml(urls.open)}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">`
      : "");
  html = insertBeforeBodyEnd(html, footer);
  const body = rendered.text ?? htmlToText(rendered.html);
  const text = `${body}\n\n--\nUnsubscribe: ${urls.unsubscribe}${input.postalAddress ? `\n${input.postalAddress}` : ""}\n`;
  const listUnsubscribe = [`<${urls.unsubscribe}>`, ...(urls.mailto ? [`<${urls.mailto}>`] : [])].join(", ");
  return {
    subject: rendered.subject,
    html,
    text,
    headers: { "List-Unsubscribe": listUnsubscribe, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
