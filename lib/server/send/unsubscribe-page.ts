// The footer link's page: plain HTML with no script, no data about the customer and nothing to follow.
// Its button POSTs to the same URL, as the RFC 8058 one-click POST of a mail client does.
import { escapeHtml } from "./compose-message";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#f8f9fa;color:#212529;display:grid;place-items:center;min-height:100vh;margin:0}main{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:32px;max-width:420px;text-align:center}button{font:inherit;background:#228be6;color:#fff;border:0;border-radius:4px;padding:8px 20px;cursor:pointer}</style></head>
<body><main><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function confirmPage(): string {
  return page(
    "Unsubscribe from these e-mails?",
    `<p>You will no longer receive marketing e-mails from this sender.</p><form method="post"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function donePage(): string {
  return page("You are unsubscribed", "<p>You will no longer receive marketing e-mails from this sender.</p>");
}

export function invalidPage(): string {
  return page("This link is not valid", "<p>It may have been copied incompletely.</p>");
}

export function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      "x-robots-tag": "noindex",
    },
  });
}
