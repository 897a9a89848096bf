// The sign-in step of the authorization flow (/oauth/interaction/:uid): Atrium's own sign-in page,
// password check with throttling, then back to oidc-provider to finish the authorization request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { recordAudit, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { attemptSignIn } from "@/lib/server/auth/sign-in-throttle";
import { socketClientAddress } from "@/lib/server/limits/address";
import { log } from "@/lib/server/log";
import { OAUTH_MOUNT } from "./config";
import { signInPage } from "./pages";

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(html);
}

async function submitSignIn(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
  const form = await readForm(req);
  const email = (form.get("email") ?? "").trim().toLowerCase();
  const password = form.get("password") ?? "";
  const action = `${OAUTH_MOUNT}/interaction/${uid}/login`;
  const ip = socketClientAddress(req);
  const attempt = await attemptSignIn(email, password, ip);
  if (attempt.outcome === "throttled") {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    res.setHeader("retry-after", String(attempt.retryAfterSeconds));
    return sendHtml(
      res,
      429,
      signInPage({
        action,
        email,
        error: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      }),
    );
  }
  if (attempt.outcome === "wrong") {
    await recordAudit(db(), {
      workspaceId: null,
      actor: SYSTEM_ACTOR,
      action: "user.sign_in_failed",
      details: { email },
      ip,
    });
    return sendHtml(res, 401, signInPage({ action, email, error: "The e-mail or password is not correct." }));
  }
  const { user } = attempt;
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(db(), {
    workspaceId: null,
    actor: { type: "USER", id: user.id, name: user.name ?? user.email },
    action: "user.signed_in",
    targetType: "user",
    targetId: user.id,
    ip,
  });
  await provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
}

/** Handles GET /oauth/interaction/:uid and POST /oauth/interaction/:uid/login. */
export async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  const [, uid, step] = pathname.slice(OAUTH_MOUNT.length).match(/^\/interaction\/([\w-]+)(?:\/(login))?$/) ?? [];
  try {
    if (!uid) return sendHtml(res, 404, signInPage({ action: "#", error: "This sign-in link is not valid." }));
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (step === "login" && req.method === "POST") return await submitSignIn(provider, req, res, uid);
    if (details.prompt.name === "login")
      return sendHtml(res, 200, signInPage({ action: `${OAUTH_MOUNT}/interaction/${uid}/login` }));
    // Only first-party clients use the authorization flow, and their grant is implied (provider.ts);
    // any other consent request is refused rather than silently granted.
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "This application is not allowed to ask for access" },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    log.warn({ err: error }, "sign-in interaction failed");
    sendHtml(
      res,
      400,
      signInPage({ action: "#", error: "This sign-in attempt has expired. Go back to Atrium and sign in again." }),
    );
  }
}
