// Signing out ends the session on the server: NextAuth's own sign-out (CSRF check included) records the
// session id, and the same cookie no longer works on the API nor in NextAuth's session endpoint.
import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { getMeEndpoint } from "@/lib/schemas/me";
import { db } from "@/lib/server/db/client";
import { memberSession } from "@/test/auth-fixtures";
import { createTestWorkspace } from "@/test/fixtures";
import { callEndpoint } from "@/test/route-modules";
import { authOptions } from "./next-auth-options";

const SESSION_COOKIE = "next-auth.session-token";

beforeAll(() => {
  process.env.NEXTAUTH_URL = "http://atrium.test";
  process.env.PUBLIC_URL ??= "http://atrium.test";
});

/** A session cookie made the way sign-in makes it: NextAuth's jwt callback with the profile, then encode. */
async function signedInCookie(userId: string): Promise<string> {
  const options = authOptions();
  const token = await options.callbacks!.jwt!({
    token: { sub: userId },
    user: { id: userId },
    account: null,
    profile: { sub: userId },
  });
  return encode({ token, secret: process.env.NEXTAUTH_SECRET! });
}

const me = (cookie: string) => callEndpoint(getMeEndpoint, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });

interface NextAuthAnswer {
  status: number;
  body: unknown;
  cookies: Map<string, string>;
}

/**
 * NextAuth's own handler (its API-route form, which needs no Next request context) with the app's options:
 * only the transport is simulated, the CSRF check, sign-out and session logic are NextAuth's.
 */
async function nextAuth(
  action: string,
  method: "GET" | "POST",
  cookies: Record<string, string>,
  body?: Record<string, string>,
): Promise<NextAuthAnswer> {
  const headers = new Map<string, unknown>();
  const answer: NextAuthAnswer = { status: 200, body: undefined, cookies: new Map() };
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), value);
      return res;
    },
    end: () => undefined,
    json: (value: unknown) => void (answer.body = value),
    send: (value: unknown) => void (answer.body = value),
  };
  const req = { query: { nextauth: [action] }, body, cookies, headers: { host: "atrium.test" }, method };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(
    req,
    res,
    authOptions(),
  );
  for (const line of [headers.get("set-cookie") ?? []].flat() as string[]) {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    answer.cookies.set(pair.slice(0, index), decodeURIComponent(pair.slice(index + 1)));
  }
  return answer;
}

async function signOut(sessionCookie: string): Promise<void> {
  const csrf = await nextAuth("csrf", "GET", {});
  const csrfCookie = csrf.cookies.get("next-auth.csrf-token");
  expect(csrfCookie).toBeDefined();
  const { csrfToken } = csrf.body as { csrfToken: string };
  const out = await nextAuth(
    "signout",
    "POST",
    { "next-auth.csrf-token": csrfCookie!, [SESSION_COOKIE]: sessionCookie },
    { csrfToken },
  );
  expect(out.status).toBe(302);
  // NextAuth clears the cookie in the browser; the server-side revocation is what this test is about.
  expect(out.cookies.get(SESSION_COOKIE)).toBe("");
}

async function nextAuthSession(sessionCookie: string): Promise<unknown> {
  return (await nextAuth("session", "GET", { [SESSION_COOKIE]: sessionCookie })).body;
}

describe("sign-out revokes the session server-side", () => {
  let userId: string;

  beforeAll(async () => {
    const workspace = await createTestWorkspace("Sign-out");
    ({ userId } = await memberSession(workspace.id, "ADMIN"));
  });

  it("refuses the signed-out cookie on the API and in NextAuth's session endpoint", async () => {
    const cookie = await signedInCookie(userId);
    const other = await signedInCookie(userId);
    expect((await me(cookie)).status).toBe(200);
    expect(await nextAuthSession(cookie)).toMatchObject({ userId });

    await signOut(cookie);

    expect((await me(cookie)).status).toBe(401);
    expect(await nextAuthSession(cookie)).toEqual({});
    const row = await db().revokedSession.findFirst({ where: { userId } });
    expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 60 * 60 * 1000);
    // Another session of the same person (another browser) goes on.
    expect((await me(other)).status).toBe(200);
  });

  it("also revokes a cookie issued before session ids (known by its jti)", async () => {
    const workspace = await createTestWorkspace("Sign-out legacy");
    const legacy = await memberSession(workspace.id, "USER");
    const cookie = legacy.cookie.split("=")[1];
    expect((await me(cookie)).status).toBe(200);
    await signOut(cookie);
    expect((await me(cookie)).status).toBe(401);
  });
});
