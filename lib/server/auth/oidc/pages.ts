// The authorization server's own pages (sign-in, sign-out, errors) in Atrium's look: plain HTML with
// inline CSS, no external fonts or scripts (the sign-in page must work with nothing else loaded).
const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const STYLE = `
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:#f4f5f7;color:#1f2430}
.card{width:380px;max-width:calc(100vw - 32px);background:#fff;border:1px solid #e3e5ea;border-radius:12px;padding:32px;box-shadow:0 8px 24px rgba(20,24,40,.06)}
.brand{display:flex;align-items:center;gap:10px;margin-bottom:24px;font-weight:700;font-size:20px;letter-spacing:-.01em}
.logo{width:32px;height:32px;border-radius:8px;background:linear-gradient(135deg,#4263eb,#7048e8);display:flex;align-items:center;justify-content:center;color:#fff;font-size:18px}
h1{font-size:18px;margin:0 0 4px}p.sub{margin:0 0 20px;color:#5c6370;font-size:14px}
label{display:block;font-size:13px;font-weight:600;margin:14px 0 6px}
input{width:100%;padding:10px 12px;border:1px solid #ced4da;border-radius:8px;font-size:14px}
input:focus{outline:2px solid #4263eb33;border-color:#4263eb}
button{margin-top:20px;width:100%;padding:11px;border:0;border-radius:8px;background:#4263eb;color:#fff;font-size:15px;font-weight:600;cursor:pointer}
button:hover{background:#3b5bdb}button.secondary{background:#f1f3f5;color:#1f2430;margin-top:10px}
.error{background:#fff5f5;border:1px solid #ffc9c9;color:#c92a2a;border-radius:8px;padding:10px 12px;font-size:14px;margin-bottom:8px}
.muted{color:#5c6370;font-size:12px;margin-top:20px;text-align:center}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Atrium</title><style>${STYLE}</style></head><body><main class="card">
<div class="brand"><div class="logo" aria-hidden="true">A</div>Atrium</div>${body}</main></body></html>`;
}

export function signInPage(options: { action: string; email?: string; error?: string }): string {
  return page(
    "Sign in",
    `<h1>Sign in</h1><p class="sub">Use your Atrium account to continue.</p>
${options.error ? `<div class="error" role="alert">${escapeHtml(options.error)}</div>` : ""}
<form method="post" action="${escapeHtml(options.action)}" autocomplete="on">
<label for="email">E-mail</label><input id="email" name="email" type="email" required autofocus value="${escapeHtml(options.email)}" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password" required autocomplete="current-password">
<button type="submit">Sign in</button></form>
<p class="muted">Atrium · customer data platform</p>`,
  );
}

export function signOutPage(form: string, host: string): string {
  return page(
    "Sign out",
    `<h1>Sign out</h1><p class="sub">Do you want to sign out of Atrium on ${escapeHtml(host)}?</p>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button class="secondary" type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function signedOutPage(): string {
  return page(
    "Signed out",
    `<h1>You are signed out</h1><p class="sub">See you soon.</p><a href="/"><button type="button">Sign in again</button></a>`,
  );
}

export function errorPage(out: { error?: string; error_description?: string }): string {
  const message = out.error_description ?? out.error ?? "Something went wrong";
  return page(
    "Error",
    `<h1>Something went wrong</h1><div class="error" role="alert">${escapeHtml(message)}</div><a href="/"><button type="button">Back to Atrium</button></a>`,
  );
}
